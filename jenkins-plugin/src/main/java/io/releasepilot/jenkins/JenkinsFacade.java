package io.releasepilot.jenkins;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.ExtensionList;
import hudson.model.Item;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jspecify.annotations.Nullable;

/**
 * The only class that touches the Jenkins singleton (ArchUnit enforces it), so everything else runs against a fake
 * host in tests.
 */
final class JenkinsFacade {
    private JenkinsFacade() {}

    /** Global configuration endpoints: Jenkins.ADMINISTER, like {@code getRequiredGlobalConfigPagePermission()}. */
    static void checkAdminister() {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
    }

    /** Step form endpoints: Item.CONFIGURE on the job, or Jenkins.ADMINISTER outside a job. */
    static void checkConfigure(@Nullable Item item) {
        if (item == null) {
            checkAdminister();
        } else {
            item.checkPermission(Item.CONFIGURE);
        }
    }

    static String absoluteUrl(String relativeUrl) {
        String root = Jenkins.get().getRootUrl();
        return root == null ? relativeUrl : root + relativeUrl;
    }

    static ReleasePilotConfiguration configuration() {
        return ExtensionList.lookupSingleton(ReleasePilotConfiguration.class);
    }

    /**
     * The production operations, with secrets resolved for this run (its authentication; usage is tracked) from
     * Jenkins Credentials and the build's bound variables; they run on the agent holding the workspace.
     */
    static ReleaseOperations operations(Run<?, ?> run, Map<String, String> buildVariables) throws AbortException {
        for (ReleaseOperationsFactory f : ExtensionList.lookup(ReleaseOperationsFactory.class)) {
            return f.create(run);
        }
        ReleasePilotConfiguration c = configuration();
        String dbUser = null;
        String dbPassword = null;
        String dbCredentials = Texts.trimToNull(c.getDatabaseCredentialsId());
        if (dbCredentials != null) {
            StandardUsernamePasswordCredentials up = CredentialsProvider.findCredentialById(
                    dbCredentials, StandardUsernamePasswordCredentials.class, run);
            if (up == null) {
                throw new AbortException("Release Pilot: database credentials '" + dbCredentials
                        + "' not found or not usable by this build (Manage Jenkins → Credentials).");
            }
            dbUser = up.getUsername();
            dbPassword = up.getPassword().getPlainText();
        }
        String natsToken = null;
        String natsCredentials = Texts.trimToNull(c.getNatsCredentialsId());
        if (natsCredentials != null) {
            StringCredentials token =
                    CredentialsProvider.findCredentialById(natsCredentials, StringCredentials.class, run);
            if (token == null) {
                throw new AbortException("Release Pilot: NATS credentials '" + natsCredentials
                        + "' not found or not usable by this build (Manage Jenkins → Credentials).");
            }
            natsToken = token.getSecret().getPlainText();
        }
        return new CoreReleaseOperations(
                new ConnectionSettings(
                        Texts.trimToNull(c.getDatabaseUrl()),
                        dbUser,
                        dbPassword,
                        Texts.trimToNull(c.getNatsUrl()),
                        natsToken,
                        Texts.trimToNull(c.getPrometheusUrl())),
                null,
                buildVariables);
    }

    /** Credentials for the global configuration drop-downs: system scope, IDs and descriptions only. */
    static <C extends StandardCredentials> ListBoxModel credentialItems(Class<C> type, @Nullable String current) {
        ListBoxModel model = new ListBoxModel();
        model.add(new ListBoxModel.Option("- none -", ""));
        for (C cred : CredentialsProvider.lookupCredentialsInItemGroup(type, null, ACL.SYSTEM2, List.of())) {
            model.add(new ListBoxModel.Option(
                    cred.getDescription().isEmpty() ? cred.getId() : cred.getDescription(), cred.getId()));
        }
        String id = Texts.trimToNull(current);
        if (id != null && model.stream().noneMatch(o -> id.equals(o.value))) {
            // Keep a stale ID visible instead of silently replacing it with "none" on the next save.
            model.add(new ListBoxModel.Option(id + " (not found)", id));
        }
        return model;
    }
}
