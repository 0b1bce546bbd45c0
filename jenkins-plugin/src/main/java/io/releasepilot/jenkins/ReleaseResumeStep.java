package io.releasepilot.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import java.util.Set;
import jenkins.YesNoMaybe;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jspecify.annotations.Nullable;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** Pipeline step {@code releaseResume}: lets a paused release continue. */
public class ReleaseResumeStep extends Step {
    private final String environment;
    private @Nullable String service;
    private @Nullable String reason;
    private @Nullable String spec;

    @DataBoundConstructor
    public ReleaseResumeStep(String environment) {
        String v = Texts.trimToNull(environment);
        if (v == null) {
            throw new IllegalArgumentException("releaseResume: the environment is required");
        }
        this.environment = v;
    }

    public String getEnvironment() {
        return environment;
    }

    public @Nullable String getService() {
        return service;
    }

    /** The service; default: the spec's service (needs a workspace). */
    @DataBoundSetter
    public void setService(@Nullable String service) {
        this.service = Texts.trimToNull(service);
    }

    public @Nullable String getReason() {
        return reason;
    }

    /** Why, recorded in the ledger and the event. */
    @DataBoundSetter
    public void setReason(@Nullable String reason) {
        this.reason = Texts.trimToNull(reason);
    }

    public @Nullable String getSpec() {
        return spec;
    }

    /** The spec, relative to the workspace; default: the global configuration's default spec path. */
    @DataBoundSetter
    public void setSpec(@Nullable String spec) {
        this.spec = Texts.trimToNull(spec);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new ControlExecution(context, ControlExecution.Operation.RESUME, spec, service, environment, reason);
    }

    /** The releaseResume Pipeline step. */
    @Extension(dynamicLoadable = YesNoMaybe.YES)
    @Symbol("releaseResume")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "releaseResume";
        }

        @Override
        public @NonNull String getDisplayName() {
            return "Release Pilot: resume release";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        @POST
        public FormValidation doCheckEnvironment(@QueryParameter String value, @AncestorInPath @Nullable Item item) {
            JenkinsFacade.checkConfigure(item);
            return FormChecks.name(value, "environment", true).toFormValidation();
        }

        @POST
        public FormValidation doCheckService(@QueryParameter String value, @AncestorInPath @Nullable Item item) {
            JenkinsFacade.checkConfigure(item);
            return FormChecks.name(value, "service", false).toFormValidation();
        }

        @POST
        public FormValidation doCheckSpec(@QueryParameter String value, @AncestorInPath @Nullable Item item) {
            JenkinsFacade.checkConfigure(item);
            return FormChecks.specPath(value).toFormValidation();
        }
    }
}
