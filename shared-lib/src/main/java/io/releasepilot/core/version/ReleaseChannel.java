package io.releasepilot.core.version;

import io.releasepilot.core.InvalidInputException;
import java.util.regex.Pattern;

/**
 * A pre-release channel: releases from branches matching {@code branch} get versions {@code X.Y.Z-<prerelease>.N}
 * (spec key {@code versioning.channels[]: {branch, prerelease}}).
 *
 * @param branch glob on the branch name; {@code *} stays within one path segment, {@code **} crosses them
 * @param prerelease the pre-release identifier ({@code rc})
 */
public record ReleaseChannel(String branch, String prerelease) {
    private static final Pattern IDENTIFIER = Pattern.compile("[0-9A-Za-z-]+");

    public ReleaseChannel {
        if (branch.isBlank()) {
            throw new InvalidInputException("a release channel needs a branch pattern");
        }
        if (!IDENTIFIER.matcher(prerelease).matches() || prerelease.chars().allMatch(Character::isDigit)) {
            throw new InvalidInputException("release channel '" + branch + "': pre-release identifier '" + prerelease
                    + "' must be letters, digits or '-' and not only digits");
        }
    }

    /** True when {@code branchName} matches this channel's glob. */
    public boolean matches(String branchName) {
        return toRegex(branch).matcher(branchName).matches();
    }

    private static Pattern toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
