package io.releasepilot.core.version.git;

import io.releasepilot.core.version.CommitHistoryContractTest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.lib.TreeFormatter;

/**
 * Builds real Git repositories for tests with JGit only: empty-tree commits with increasing, fixed commit times (so
 * git log order is deterministic), merges, branches, lightweight and annotated tags.
 */
final class GitFixture implements CommitHistoryContractTest.RepositoryWriter {
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private final Git git;
    private final Repository repository;
    private int clock;

    private GitFixture(Git git) {
        this.git = git;
        this.repository = git.getRepository();
    }

    static GitFixture create(Path dir) {
        try {
            return new GitFixture(Git.init()
                    .setDirectory(dir.toFile())
                    .setInitialBranch("main")
                    .call());
        } catch (GitAPIException e) {
            throw new IllegalStateException("git init failed: " + e.getMessage(), e);
        }
    }

    Repository repository() {
        return repository;
    }

    /** Commits on the checked-out branch; returns the sha. */
    @Override
    public String commit(String message) {
        ObjectId tip = tip(currentBranch());
        return tip == null ? write(message) : write(message, tip);
    }

    /** A merge commit of {@code branch} into the checked-out branch. */
    @Override
    public String merge(String branch, String message) {
        return write(message, tip(currentBranch()), tip(branch));
    }

    /** Creates {@code name} at the current commit and checks it out. */
    @Override
    public void checkoutNewBranch(String name) {
        update(Constants.R_HEADS + name, tip(currentBranch()));
        checkout(name);
    }

    @Override
    public void checkout(String name) {
        try {
            RefUpdate head = repository.updateRef(Constants.HEAD);
            head.link(Constants.R_HEADS + name);
        } catch (IOException e) {
            throw new IllegalStateException("checkout failed: " + e.getMessage(), e);
        }
    }

    /** Lightweight tag at the current commit. */
    @Override
    public void tag(String name) {
        update(Constants.R_TAGS + name, tip(currentBranch()));
    }

    /** Annotated tag at the current commit. */
    @Override
    public void annotatedTag(String name) {
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            TagBuilder tag = new TagBuilder();
            tag.setObjectId(tip(currentBranch()), Constants.OBJ_COMMIT);
            tag.setTag(name);
            tag.setMessage("release " + name + "\n");
            tag.setTagger(ident());
            ObjectId id = inserter.insert(tag);
            inserter.flush();
            update(Constants.R_TAGS + name, id);
        } catch (IOException e) {
            throw new IllegalStateException("tag failed: " + e.getMessage(), e);
        }
    }

    void setOrigin(String url) {
        repository.getConfig().setString("remote", "origin", "url", url);
    }

    @Override
    public void detach() {
        try {
            RefUpdate head = repository.updateRef(Constants.HEAD, true);
            head.setNewObjectId(tip(currentBranch()));
            head.setForceUpdate(true);
            RefUpdate.Result result = head.forceUpdate();
            if (result == RefUpdate.Result.LOCK_FAILURE || result == RefUpdate.Result.IO_FAILURE) {
                throw new IllegalStateException("could not detach HEAD: " + result);
            }
        } catch (IOException e) {
            throw new IllegalStateException("detach failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void configure(String originUrl, String userName, String userEmail) {
        setOrigin(originUrl);
        repository.getConfig().setString("user", null, "name", userName);
        repository.getConfig().setString("user", null, "email", userEmail);
        try {
            repository.getConfig().save();
        } catch (IOException e) {
            throw new IllegalStateException("could not save the git config: " + e.getMessage(), e);
        }
    }

    private String currentBranch() {
        try {
            return repository.getFullBranch();
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private ObjectId tip(String ref) {
        try {
            return repository.resolve(ref.startsWith("refs/") ? ref : Constants.R_HEADS + ref);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private String write(String message, ObjectId... parents) {
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            ObjectId tree = inserter.insert(new TreeFormatter());
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(tree);
            commit.setParentIds(parents);
            PersonIdent ident = ident();
            commit.setAuthor(ident);
            commit.setCommitter(ident);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            update(currentBranch(), id);
            return id.name();
        } catch (IOException e) {
            throw new IllegalStateException("commit failed: " + e.getMessage(), e);
        }
    }

    private PersonIdent ident() {
        clock++;
        return new PersonIdent(
                "Test",
                "test@example.com",
                EPOCH.plusSeconds(60L * clock),
                TimeZone.getTimeZone(ZoneOffset.UTC).toZoneId());
    }

    private void update(String ref, ObjectId id) {
        try {
            RefUpdate update = repository.updateRef(ref);
            update.setNewObjectId(id);
            update.setForceUpdate(true);
            RefUpdate.Result result = update.update();
            if (result == RefUpdate.Result.LOCK_FAILURE || result == RefUpdate.Result.IO_FAILURE) {
                throw new IllegalStateException("could not update " + ref + ": " + result);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
