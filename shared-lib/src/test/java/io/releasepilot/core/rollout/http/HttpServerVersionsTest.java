package io.releasepilot.core.rollout.http;

import io.releasepilot.core.rollout.ServerVersions;
import io.releasepilot.core.rollout.ServerVersionsContractTest;

/** {@link HttpServerVersions} against in-process sample services (the real HTTP servers of the tests). */
class HttpServerVersionsTest extends ServerVersionsContractTest {
    @Override
    protected ServerVersions versions() {
        return new HttpServerVersions();
    }
}
