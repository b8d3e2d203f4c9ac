package dev.trainer.exchanges;

/** Waiting, replaceable so that tests check the waits without spending them. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = Thread::sleep;

    void sleep(long millis) throws InterruptedException;
}
