package io.releasepilot.jenkins;

import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jspecify.annotations.Nullable;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * What the release steps ({@code canaryPromote}, {@code blueGreenCutover}) share: the environment, the spec and the
 * version. Each subclass starts its own asynchronous execution; Jenkins binds the inherited setters like its own.
 */
public abstract class RolloutStep extends Step {
    private final String environment;
    private @Nullable String spec;
    private @Nullable String version;

    protected RolloutStep(String functionName, String environment) {
        String v = Texts.trimToNull(environment);
        if (v == null) {
            throw new IllegalArgumentException(functionName + ": the environment is required");
        }
        this.environment = v;
    }

    public String getEnvironment() {
        return environment;
    }

    public @Nullable String getSpec() {
        return spec;
    }

    /** The spec, relative to the workspace; default: the global configuration's default spec path. */
    @DataBoundSetter
    public void setSpec(@Nullable String spec) {
        this.spec = Texts.trimToNull(spec);
    }

    public @Nullable String getVersion() {
        return version;
    }

    /** The version to release (required by the core; e.g. the output of {@code release-pilot version next}). */
    @DataBoundSetter
    public void setVersion(@Nullable String version) {
        this.version = Texts.trimToNull(version);
    }

    /** The descriptor both release steps share: their context (a workspace) and the form checks. */
    public abstract static class RolloutDescriptor extends StepDescriptor {
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class);
        }

        @POST
        public FormValidation doCheckEnvironment(@QueryParameter String value, @AncestorInPath @Nullable Item item) {
            JenkinsFacade.checkConfigure(item);
            return FormChecks.name(value, "environment", true).toFormValidation();
        }

        @POST
        public FormValidation doCheckSpec(@QueryParameter String value, @AncestorInPath @Nullable Item item) {
            JenkinsFacade.checkConfigure(item);
            return FormChecks.specPath(value).toFormValidation();
        }
    }
}
