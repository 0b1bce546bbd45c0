package io.releasepilot.jenkins;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import jenkins.YesNoMaybe;
import jenkins.model.GlobalConfiguration;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jspecify.annotations.Nullable;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Manage Jenkins → System → Release Pilot. Every property is a {@code @DataBoundSetter}, so JCasC configures it as
 * {@code unclassified: releasePilot: databaseUrl: …}. Secrets are Credentials IDs, resolved per build; nothing secret
 * is stored here.
 */
@Extension(dynamicLoadable = YesNoMaybe.YES)
@Symbol("releasePilot")
public class ReleasePilotConfiguration extends GlobalConfiguration {
    static final String DEFAULT_SPEC_PATH = "release-pilot.yml";
    /** Closed unless a release rule lists them: production is protected until the administrator says otherwise. */
    static final String DEFAULT_PROTECTED_ENVIRONMENTS = "production";

    private @Nullable String databaseUrl;
    private @Nullable String databaseCredentialsId;
    private @Nullable String natsUrl;
    private @Nullable String natsCredentialsId;
    private @Nullable String prometheusUrl;
    private @Nullable String defaultSpecPath;
    private @Nullable String releaseRules;
    private @Nullable String protectedEnvironments;

    public ReleasePilotConfiguration() {
        load();
    }

    @Override
    public @NonNull String getDisplayName() {
        return "Release Pilot";
    }

    public @Nullable String getDatabaseUrl() {
        return databaseUrl;
    }

    @DataBoundSetter
    public void setDatabaseUrl(@Nullable String databaseUrl) {
        this.databaseUrl = Texts.trimToNull(databaseUrl);
        save();
    }

    public @Nullable String getDatabaseCredentialsId() {
        return databaseCredentialsId;
    }

    @DataBoundSetter
    public void setDatabaseCredentialsId(@Nullable String databaseCredentialsId) {
        this.databaseCredentialsId = Texts.trimToNull(databaseCredentialsId);
        save();
    }

    public @Nullable String getNatsUrl() {
        return natsUrl;
    }

    @DataBoundSetter
    public void setNatsUrl(@Nullable String natsUrl) {
        this.natsUrl = Texts.trimToNull(natsUrl);
        save();
    }

    public @Nullable String getNatsCredentialsId() {
        return natsCredentialsId;
    }

    @DataBoundSetter
    public void setNatsCredentialsId(@Nullable String natsCredentialsId) {
        this.natsCredentialsId = Texts.trimToNull(natsCredentialsId);
        save();
    }

    public @Nullable String getPrometheusUrl() {
        return prometheusUrl;
    }

    @DataBoundSetter
    public void setPrometheusUrl(@Nullable String prometheusUrl) {
        this.prometheusUrl = Texts.trimToNull(prometheusUrl);
        save();
    }

    /** Never null: falls back to {@value #DEFAULT_SPEC_PATH}. */
    public String getDefaultSpecPath() {
        return defaultSpecPath == null ? DEFAULT_SPEC_PATH : defaultSpecPath;
    }

    @DataBoundSetter
    public void setDefaultSpecPath(@Nullable String defaultSpecPath) {
        this.defaultSpecPath = Texts.trimToNull(defaultSpecPath);
        save();
    }

    /** One rule per line: {@code <job glob> <service glob> <environment glob>} (see {@link ReleaseAuthorization}). */
    public @Nullable String getReleaseRules() {
        return releaseRules;
    }

    @DataBoundSetter
    public void setReleaseRules(@Nullable String releaseRules) {
        this.releaseRules = Texts.trimToNull(releaseRules);
        save();
    }

    /** Never null: falls back to {@value #DEFAULT_PROTECTED_ENVIRONMENTS}; an explicit blank value is kept. */
    public String getProtectedEnvironments() {
        return protectedEnvironments == null ? DEFAULT_PROTECTED_ENVIRONMENTS : protectedEnvironments;
    }

    @DataBoundSetter
    public void setProtectedEnvironments(@Nullable String protectedEnvironments) {
        this.protectedEnvironments = protectedEnvironments == null ? null : protectedEnvironments.trim();
        save();
    }

    @POST
    public FormValidation doCheckReleaseRules(@QueryParameter String value) {
        JenkinsFacade.checkAdminister();
        return FormChecks.releaseRules(value).toFormValidation();
    }

    @POST
    public FormValidation doCheckDatabaseUrl(@QueryParameter String value) {
        JenkinsFacade.checkAdminister();
        return FormChecks.databaseUrl(value).toFormValidation();
    }

    @POST
    public FormValidation doCheckNatsUrl(@QueryParameter String value) {
        JenkinsFacade.checkAdminister();
        return FormChecks.natsUrl(value).toFormValidation();
    }

    @POST
    public FormValidation doCheckPrometheusUrl(@QueryParameter String value) {
        JenkinsFacade.checkAdminister();
        return FormChecks.prometheusUrl(value).toFormValidation();
    }

    @POST
    public FormValidation doCheckDefaultSpecPath(@QueryParameter String value) {
        JenkinsFacade.checkAdminister();
        return FormChecks.specPath(value).toFormValidation();
    }

    @POST
    public ListBoxModel doFillDatabaseCredentialsIdItems(@QueryParameter String databaseCredentialsId) {
        JenkinsFacade.checkAdminister();
        return JenkinsFacade.credentialItems(StandardUsernamePasswordCredentials.class, databaseCredentialsId);
    }

    @POST
    public ListBoxModel doFillNatsCredentialsIdItems(@QueryParameter String natsCredentialsId) {
        JenkinsFacade.checkAdminister();
        return JenkinsFacade.credentialItems(StringCredentials.class, natsCredentialsId);
    }
}
