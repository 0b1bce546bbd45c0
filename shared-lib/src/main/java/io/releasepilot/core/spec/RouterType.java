package io.releasepilot.core.spec;

import io.releasepilot.core.release.SpecEnum;

/** The load balancer that splits traffic between the stable and the new version. Written in lower case in the spec. */
public enum RouterType implements SpecEnum {
    HAPROXY,
    NGINX,
    COMMAND
}
