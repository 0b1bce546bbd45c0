/**
 * A small HTTP service with a version label whose failures and latency can be changed at run time: the demo's v1, v2
 * and v3, and the backends of the integration tests. Plain JDK, no dependencies.
 */
package io.releasepilot.sample;
