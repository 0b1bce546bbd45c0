package io.releasepilot.core.spec;

import io.releasepilot.core.release.SpecEnum;

/** What an aborted pipeline does with a release in progress. Written in lower case in the spec. */
public enum AbortAction implements SpecEnum {
    ROLLBACK,
    LEAVE
}
