package dev.trainer.configregistry.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class StageTest {

    @Test
    void theLadderRunsFromPaperToMature() {
        assertEquals("PAPER < DISCOVERY < VALIDATION < MATURE", Stage.ladder());
    }

    @Test
    void promoteClimbsOneRungUpToMature() {
        assertEquals(Stage.DISCOVERY, TransitionAction.PROMOTE.apply(Stage.PAPER));
        assertEquals(Stage.VALIDATION, TransitionAction.PROMOTE.apply(Stage.DISCOVERY));
        assertEquals(Stage.MATURE, TransitionAction.PROMOTE.apply(Stage.VALIDATION));
        assertRefused(TransitionAction.PROMOTE, Stage.MATURE, "MATURE is the top of the ladder");
    }

    @Test
    void demoteDescendsOneRungDownToPaper() {
        assertEquals(Stage.VALIDATION, TransitionAction.DEMOTE.apply(Stage.MATURE));
        assertEquals(Stage.DISCOVERY, TransitionAction.DEMOTE.apply(Stage.VALIDATION));
        assertEquals(Stage.PAPER, TransitionAction.DEMOTE.apply(Stage.DISCOVERY));
        assertRefused(TransitionAction.DEMOTE, Stage.PAPER, "PAPER is the bottom of the ladder");
    }

    @Test
    void everyStageButRetiredCanBeRetired() {
        for (Stage s : EnumSet.complementOf(EnumSet.of(Stage.RETIRED))) {
            assertEquals(Stage.RETIRED, TransitionAction.RETIRE.apply(s), s.name());
        }
        assertRefused(TransitionAction.RETIRE, Stage.RETIRED, "already RETIRED");
    }

    @Test
    void offTheLadderOnlyRetireApplies() {
        assertRefused(TransitionAction.PROMOTE, Stage.DECAY, "DECAY is not on the ladder");
        assertRefused(TransitionAction.DEMOTE, Stage.DECAY, "DECAY is not on the ladder");
        assertRefused(TransitionAction.PROMOTE, Stage.PAUSED, "PAUSED by tripped circuit breakers");
        assertRefused(TransitionAction.DEMOTE, Stage.PAUSED, "PAUSED by tripped circuit breakers");
        assertEquals(Stage.RETIRED, TransitionAction.RETIRE.apply(Stage.PAUSED));
        assertRefused(TransitionAction.PROMOTE, Stage.RETIRED, "stays retired");
        assertRefused(TransitionAction.DEMOTE, Stage.RETIRED, "stays retired");
    }

    @Test
    void pausedIsOffTheLadder() {
        assertEquals("PAPER < DISCOVERY < VALIDATION < MATURE", Stage.ladder());
        assertFalse(Stage.PAUSED.onLadder());
    }

    @Test
    void theValidatorsAssignmentAndTheBreakersPausesAreNoManualTransitions() {
        assertThrows(IllegalStateException.class, () -> TransitionAction.ASSIGN.apply(Stage.PAPER));
        assertThrows(IllegalStateException.class, () -> TransitionAction.PAUSE.apply(Stage.PAPER));
        assertThrows(IllegalStateException.class, () -> TransitionAction.RESUME.apply(Stage.PAUSED));
    }

    @Test
    void parsesAnyCaseAndNamesTheKnownStagesOtherwise() {
        assertEquals(Stage.MATURE, Stage.parse(" mature "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Stage.parse("LIVE"));
        assertEquals("unknown stage 'LIVE'; known: PAPER, DISCOVERY, VALIDATION, MATURE, DECAY, PAUSED, RETIRED",
                e.getMessage());
    }

    private static void assertRefused(TransitionAction action, Stage from, String message) {
        StageTransitionRefused e = assertThrows(StageTransitionRefused.class, () -> action.apply(from));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
