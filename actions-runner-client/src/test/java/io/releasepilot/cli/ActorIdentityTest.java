package io.releasepilot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.state.Actor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActorIdentityTest {
    private static final Map<String, String> ACTIONS = Map.of(
            "GITHUB_ACTIONS", "true",
            "GITHUB_ACTOR", "octocat",
            "GITHUB_SERVER_URL", "https://github.com",
            "GITHUB_REPOSITORY", "acme/shop",
            "GITHUB_RUN_ID", "77",
            "USER", "runner");

    @Test
    void shouldBeTheGitHubActorWithTheRunInActions() {
        Actor actor = ActorIdentity.of(null, ACTIONS);

        assertThat(actor).isEqualTo(new Actor("octocat", "https://github.com/acme/shop/actions/runs/77"));
    }

    @Test
    void shouldRefuseAnotherActorInActions() {
        assertThatThrownBy(() -> ActorIdentity.of("alice", ACTIONS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--actor is for shells outside CI")
                .hasMessageContaining("octocat");
        assertThat(ActorIdentity.of("octocat", ACTIONS).name()).isEqualTo("octocat");
    }

    @Test
    void shouldRefuseAnActionsStepWithoutAnActor() {
        assertThatThrownBy(() -> ActorIdentity.of(null, Map.of("GITHUB_ACTIONS", "true")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("GITHUB_ACTOR");
    }

    @Test
    void shouldMarkAShellActorAsSelfAsserted() {
        assertThat(ActorIdentity.of("alice", Map.of("USER", "bob")))
                .isEqualTo(new Actor("alice (self-asserted)", null));
        assertThat(ActorIdentity.of(null, Map.of("USER", "bob")).name()).isEqualTo("bob (self-asserted)");
    }
}
