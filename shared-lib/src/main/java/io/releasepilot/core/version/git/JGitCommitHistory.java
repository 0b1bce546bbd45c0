package io.releasepilot.core.version.git;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.version.Commit;
import io.releasepilot.core.version.CommitHistory;
import io.releasepilot.core.version.CommitHistoryException;
import io.releasepilot.core.version.SemVer;
import io.releasepilot.core.version.Tagger;
import io.releasepilot.core.version.VersionTag;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.RefAlreadyExistsException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Reads commits and version tags with JGit and creates annotated tags; never shells out to git and never pushes.
 * Local file access only, so there is no network call to time out.
 */
public final class JGitCommitHistory implements CommitHistory {
    private static final Pattern SCP_URL = Pattern.compile("^(?:[\\w.-]+@)?([\\w.-]+):(?!//)(.+?)(?:\\.git)?/?$");
    private static final Pattern WEB_URL =
            Pattern.compile("^(?:https?|ssh|git)://(?:[^@/]+@)?([^/:]+)(?::\\d+)?/(.+?)(?:\\.git)?/?$");

    private final Repository repository;
    private final Path directory;

    private JGitCommitHistory(Repository repository, Path directory) {
        this.repository = repository;
        this.directory = directory;
    }

    /**
     * Opens the repository at {@code directory} (a work tree or a {@code .git} directory).
     *
     * @throws InvalidInputException when the directory does not exist or is not a Git repository
     */
    public static JGitCommitHistory open(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new InvalidInputException("repository directory " + directory + " does not exist");
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
        File dir = directory.toAbsolutePath().normalize().toFile();
        File dotGit = new File(dir, Constants.DOT_GIT);
        if (dotGit.exists()) {
            builder.setWorkTree(dir);
        } else if (new File(dir, "HEAD").isFile() && new File(dir, "objects").isDirectory()) {
            builder.setGitDir(dir);
        } else {
            throw new InvalidInputException(directory + " is not a Git repository (no .git found); pass --repo DIR");
        }
        try {
            return new JGitCommitHistory(builder.build(), directory);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidInputException(directory + " is not a readable Git repository: " + e.getMessage(), e);
        }
    }

    @Override
    public List<VersionTag> versionTags(String ref, String tagPrefix) {
        if (new File(repository.getDirectory(), "shallow").isFile()) {
            // A shallow clone hides older tags and would silently yield a wrong "first release".
            throw new InvalidInputException(directory + " is a shallow clone; versions need the full history and "
                    + "tags (actions/checkout with fetch-depth: 0, or git fetch --unshallow --tags)");
        }
        ObjectId head = resolveId(ref);
        try (RevWalk walk = new RevWalk(repository)) {
            Map<ObjectId, List<VersionTag>> byCommit = new HashMap<>();
            for (Ref tag : repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
                String name = tag.getName().substring(Constants.R_TAGS.length());
                if (!name.startsWith(tagPrefix)) {
                    continue;
                }
                Optional<SemVer> version = SemVer.tryParse(name.substring(tagPrefix.length()));
                if (version.isEmpty()) {
                    continue;
                }
                RevCommit commit = peelToCommit(walk, tag);
                if (commit != null) {
                    byCommit.computeIfAbsent(commit.copy(), k -> new ArrayList<>())
                            .add(new VersionTag(name, version.get(), commit.name()));
                }
            }
            if (byCommit.isEmpty()) {
                return List.of();
            }
            // One walk from the ref, stopping once every tagged commit has been seen.
            walk.reset();
            walk.setRetainBody(false);
            walk.markStart(walk.parseCommit(head));
            List<VersionTag> reachable = new ArrayList<>();
            int remaining = byCommit.size();
            for (RevCommit commit : walk) {
                List<VersionTag> tags = byCommit.get(commit);
                if (tags != null) {
                    reachable.addAll(tags);
                    if (--remaining == 0) {
                        break;
                    }
                }
            }
            return List.copyOf(reachable);
        } catch (IOException e) {
            throw new CommitHistoryException("could not read tags of " + directory + ": " + e.getMessage(), e);
        }
    }

    private static @Nullable RevCommit peelToCommit(RevWalk walk, Ref tag) throws IOException {
        try {
            return walk.parseCommit(tag.getObjectId());
        } catch (IncorrectObjectTypeException | MissingObjectException notACommit) {
            return null; // a tag of a tree or blob is no release
        }
    }

    @Override
    public List<Commit> commits(Optional<String> fromExclusive, String toRef) {
        ObjectId to = resolveId(toRef);
        Optional<ObjectId> from = fromExclusive.map(this::resolveId);
        try (RevWalk walk = new RevWalk(repository)) {
            walk.sort(RevSort.TOPO);
            walk.sort(RevSort.COMMIT_TIME_DESC, true);
            walk.markStart(walk.parseCommit(to));
            if (from.isPresent()) {
                walk.markUninteresting(walk.parseCommit(from.get()));
            }
            List<Commit> commits = new ArrayList<>();
            for (RevCommit commit : walk) {
                commits.add(new Commit(
                        commit.name(),
                        commit.getFullMessage(),
                        commit.getCommitterIdent().getWhenAsInstant(),
                        commit.getParentCount()));
            }
            return commits;
        } catch (IOException e) {
            throw new CommitHistoryException("could not read the history of " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String resolve(String ref) {
        return resolveId(ref).name();
    }

    private ObjectId resolveId(String ref) {
        try {
            ObjectId id = repository.resolve(ref + "^{commit}");
            if (id == null) {
                if (repository.resolve(Constants.HEAD) == null && Constants.HEAD.equals(ref)) {
                    throw new InvalidInputException("repository " + directory + " has no commits yet");
                }
                throw new InvalidInputException("unknown revision '" + ref + "' in " + directory);
            }
            return id;
        } catch (RevisionSyntaxException | IncorrectObjectTypeException e) {
            throw new InvalidInputException("bad revision '" + ref + "': " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CommitHistoryException("could not resolve '" + ref + "' in " + directory + ": " + e, e);
        }
    }

    @Override
    public Optional<String> currentBranch() {
        try {
            Ref head = repository.exactRef(Constants.HEAD);
            if (head == null || !head.isSymbolic()) {
                return Optional.empty();
            }
            return Optional.of(Repository.shortenRefName(head.getTarget().getName()));
        } catch (IOException e) {
            throw new CommitHistoryException("could not read HEAD of " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> repositoryUrl() {
        String url = repository.getConfig().getString("remote", "origin", "url");
        return url == null ? Optional.empty() : webUrl(url);
    }

    /**
     * The browser URL of a remote URL: {@code git@host:owner/repo.git}, {@code ssh://git@host/owner/repo.git} and
     * {@code https://user@host/owner/repo.git} all become {@code https://host/owner/repo}.
     */
    public static Optional<String> webUrl(String remoteUrl) {
        String url = remoteUrl.strip();
        Matcher web = WEB_URL.matcher(url);
        if (web.matches()) {
            String scheme = url.startsWith("http://") ? "http://" : "https://";
            return Optional.of(scheme + web.group(1) + "/" + web.group(2));
        }
        Matcher scp = SCP_URL.matcher(url);
        if (scp.matches() && !url.startsWith("/") && !url.startsWith("file:")) {
            return Optional.of("https://" + scp.group(1) + "/" + scp.group(2));
        }
        return Optional.empty();
    }

    @Override
    public Optional<Tagger> configuredTagger(java.time.Instant when) {
        String name = repository.getConfig().getString("user", null, "name");
        String email = repository.getConfig().getString("user", null, "email");
        if (name == null || name.isBlank() || email == null || email.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Tagger(name, email, when));
    }

    @Override
    public VersionTag createTag(String name, SemVer version, String ref, String message, Tagger tagger) {
        ObjectId target = resolveId(ref);
        try (Git git = new Git(repository);
                RevWalk walk = new RevWalk(repository)) {
            if (repository.exactRef(Constants.R_TAGS + name) != null) {
                throw new InvalidInputException("tag " + name + " already exists in " + directory);
            }
            PersonIdent ident = new PersonIdent(
                    tagger.name(),
                    tagger.email(),
                    tagger.when(),
                    TimeZone.getTimeZone(ZoneOffset.UTC).toZoneId());
            git.tag()
                    .setName(name)
                    .setAnnotated(true)
                    .setMessage(message)
                    .setTagger(ident)
                    .setObjectId(walk.parseCommit(target))
                    .call();
            return new VersionTag(name, version, target.name());
        } catch (RefAlreadyExistsException e) {
            throw new InvalidInputException("tag " + name + " already exists in " + directory, e);
        } catch (GitAPIException | IOException e) {
            throw new CommitHistoryException("could not create tag " + name + " in " + directory + ": " + e, e);
        }
    }

    @Override
    public void close() {
        repository.close();
    }
}
