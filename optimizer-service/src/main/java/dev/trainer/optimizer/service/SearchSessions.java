package dev.trainer.optimizer.service;

import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.domain.optimize.ParameterSearch;
import dev.trainer.domain.strategy.ParameterSet;
import dev.trainer.optimizer.repository.TrialLedger;
import dev.trainer.optimizer.repository.TrialLedger.TrialRow;
import dev.trainer.optimizer.repository.WindowState;
import dev.trainer.training.TrainingRequests;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The searches of the windows being optimised, one per window. Searches that choose each round from the scores so
 * far (Bayesian, CMA-ES) are kept in memory between rounds; the trial ledger is their ground truth. A window whose
 * search is not in memory (after a restart, a rebalance to another replica, or eviction) gets it back by replay: a
 * fresh search from the request is asked and told every recorded round again, which yields the same state because
 * a search depends only on its seed and the scores told. Replay checks that each asked trial is the recorded one.
 *
 * <p>Searches that know every trial up front (grid, random, Sobol) have one round, the same in every window of a
 * job: that plan is kept per job (for the few jobs seen last) until no window of the job searches any more, since
 * every batch of results needs its trials' parameters (a 201,600-point grid takes tens of milliseconds to plan and
 * about 20 MB to keep).
 */
@ApplicationScoped
public class SearchSessions {

    private static final int MAX_LIVE = 256;
    private static final int MAX_PLANS = 4;

    private record Session(ParameterSearch search, int roundStart, List<ParameterSet> round) {
    }

    private final TrialLedger ledger;
    private final Map<WindowState.Key, Session> live = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<WindowState.Key, Session> eldest) {
            return size() > MAX_LIVE;
        }
    });

    private final Map<String, List<ParameterSet>> plans = Collections.synchronizedMap(new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<ParameterSet>> eldest) {
            return size() > MAX_PLANS;
        }
    });

    public SearchSessions(TrialLedger ledger) {
        this.ledger = ledger;
    }

    /** The single round of a grid, random or Sobol search: every trial, the same in every window of the job. */
    public List<ParameterSet> plan(TrainingRequested request) {
        List<ParameterSet> plan = plans.get(request.jobId());
        if (plan == null) {
            plan = List.copyOf(TrainingRequests.search(request).ask());
            plans.put(request.jobId(), plan);
        }
        return plan;
    }

    /** Forgets a job's plan once no window searches it any more (asked again, it is planned again). */
    public void endPlan(String jobId) {
        plans.remove(jobId);
    }

    /** The first round of a new window's adaptive search; trial numbers start at 0. */
    public List<ParameterSet> begin(TrainingRequested request, WindowState window) {
        ParameterSearch search = TrainingRequests.search(request);
        List<ParameterSet> round = search.ask();
        live.put(window.key, new Session(search, 0, round));
        return round;
    }

    /**
     * Once every trial of the window's current round is in the ledger: tells the search their scores and returns its
     * next round (to be numbered from {@code window.plannedTrials}), or an empty list when the search is over.
     */
    public List<ParameterSet> nextRound(TrainingRequested request, WindowState window) {
        if (!TrainingRequests.method(request).adaptive()) {
            return List.of();
        }
        Session s = session(request, window);
        List<TrialRow> rows = ledger.range(window.key, TrialLedger.SEARCH,
                s.roundStart(), window.plannedTrials);
        s.search().tell(scores(rows, s.round(), s.roundStart()));
        List<ParameterSet> next = s.search().ask();
        if (next.isEmpty()) {
            live.remove(window.key);
        } else {
            live.put(window.key, new Session(s.search(), window.plannedTrials, next));
        }
        return next;
    }

    /** The trials of the window's current round, numbered from {@code window.roundStartedTrial}. */
    public List<ParameterSet> currentRound(TrainingRequested request, WindowState window) {
        if (!TrainingRequests.method(request).adaptive()) {
            return plan(request);
        }
        return session(request, window).round();
    }

    /** Forgets a window's search (its window is done, failed or cancelled). */
    public void end(WindowState.Key key) {
        live.remove(key);
    }

    private Session session(TrainingRequested request, WindowState window) {
        Session s = live.get(window.key);
        // a session ahead of the window's row belongs to a transaction that rolled back: rebuild it
        return s != null && s.roundStart() == window.roundStartedTrial ? s : replay(request, window);
    }

    private Session replay(TrainingRequested request, WindowState window) {
        ParameterSearch search = TrainingRequests.search(request);
        List<TrialRow> done = ledger.range(window.key, TrialLedger.SEARCH,
                0, window.roundStartedTrial);
        int next = 0;
        while (true) {
            List<ParameterSet> round = search.ask();
            if (next == window.roundStartedTrial) {
                Session s = new Session(search, next, round);
                live.put(window.key, s);
                return s;
            }
            if (round.isEmpty() || next + round.size() > window.roundStartedTrial || next + round.size() > done.size()) {
                throw new IllegalStateException("window " + window.key.windowIndex + ": replaying the search from the ledger "
                        + "does not reach trial " + window.roundStartedTrial + " (round of " + round.size() + " at trial " + next
                        + ", " + done.size() + " recorded): the search is not reproducible");
            }
            search.tell(scores(done.subList(next, next + round.size()), round, next));
            next += round.size();
        }
    }

    private static double[] scores(List<TrialRow> rows, List<ParameterSet> round, int firstTrial) {
        if (rows.size() != round.size()) {
            throw new IllegalStateException("round from trial " + firstTrial + " has " + round.size() + " trials but "
                    + rows.size() + " are recorded");
        }
        double[] scores = new double[rows.size()];
        for (int i = 0; i < scores.length; i++) {
            TrialRow row = rows.get(i);
            if (row.trialNumber() != firstTrial + i || !ParameterSet.of(row.parameters()).equals(round.get(i))) {
                throw new IllegalStateException("trial " + (firstTrial + i) + ": the ledger holds " + row.parameters()
                        + " but the search asks " + round.get(i) + ": the search is not reproducible (did the code change "
                        + "while the job ran?)");
            }
            scores[i] = row.score();
        }
        return scores;
    }
}
