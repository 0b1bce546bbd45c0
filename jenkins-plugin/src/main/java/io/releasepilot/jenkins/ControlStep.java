package io.releasepilot.jenkins;

import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jspecify.annotations.Nullable;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * What the operator steps ({@code releasePromote}, {@code releasePause}, {@code releaseResume}, {@code releaseAbort},
 * {@code releaseRollback})
 * share: the environment, and optionally the service, the reason and the spec. Each subclass names its operation and
 * its Pipeline function; Jenkins binds the inherited {@code @DataBoundSetter}s like its own.
 */
public abstract class ControlStep extends Step {
    private final String environment;
    private @Nullable String service;
    private @Nullable String reason;
    private @Nullable String spec;

    protected ControlStep(String functionName, String environment) {
        String v = Texts.trimToNull(environment);
        if (v == null) {
            throw new IllegalArgumentException(functionName + ": the environment is required");
        }
        this.environment = v;
    }

    /** The operation this step asks the core for. */
    abstract ControlExecution.Operation operation();

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
        return new ControlExecution(context, operation(), spec, service, environment, reason);
    }

    /** The descriptor every operator step shares: context and the form checks of the shared fields. */
    public abstract static class ControlDescriptor extends StepDescriptor {
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
