package jp.emergencyaccess.ledger.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Group commit for commands that arrive together: each is handled as usual (command bus,
 * interceptors, aggregate, its own nested unit of work), but the commands of one group share one
 * outer unit of work, so their events are appended in one batch and committed in one transaction.
 *
 * <p>The first caller to find its lane free leads: it takes every command waiting in the lane (at
 * most {@code maxGroup}), runs them and commits; the others park until their result is ready or the
 * lane is free. A lone caller therefore waits for nothing. Lanes (one per CPU by default) let
 * groups run in parallel; a caller's lane is chosen by a key, so commands on one aggregate share a
 * lane.
 *
 * <p>Failure stays per command: if anything in a group fails, the whole group is rolled back and
 * every command of it is sent again alone, so one bad command never takes others down with it.
 */
@Component
public class GroupCommit {
  private final Commands commands;
  private final TransactionManager transactions;
  private final Lane[] lanes;
  private final int maxGroup;

  GroupCommit(
      Commands commands,
      TransactionManager transactions,
      @Value("${ledger.group-commit.lanes:0}") int lanes,
      @Value("${ledger.group-commit.max-group:64}") int maxGroup) {
    this.commands = commands;
    this.transactions = transactions;
    int count = lanes > 0 ? lanes : Runtime.getRuntime().availableProcessors();
    this.lanes = new Lane[count];
    for (int i = 0; i < count; i++) {
      this.lanes[i] = new Lane();
    }
    this.maxGroup = maxGroup;
  }

  /** Sends {@code command} as part of a group and waits for its own result. */
  public <R> R send(String key, Object command) {
    Lane lane = lanes[Math.floorMod(key.hashCode(), lanes.length)];
    Pending pending = new Pending(command, Thread.currentThread());
    lane.waiting.add(pending);
    while (!pending.done) {
      if (lane.leader.tryLock()) {
        try {
          while (!pending.done) {
            run(lane.take(maxGroup));
          }
        } finally {
          lane.leader.unlock();
        }
        lane.wakeNext();
      } else {
        LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(1));
      }
    }
    return pending.result();
  }

  /** The outcome of one command of a group: its result, or the refusal or error it met. */
  public record Outcome(Object result, RuntimeException failure) {}

  /**
   * Sends {@code commands} as one group now, on this thread, outside the lanes: one transaction if
   * all succeed, each alone otherwise. Outcomes are in the commands' order.
   */
  public List<Outcome> sendTogether(List<?> commands) {
    List<Pending> group = new ArrayList<>(commands.size());
    for (Object command : commands) {
      group.add(new Pending(command, Thread.currentThread()));
    }
    run(group);
    return group.stream()
        .map(
            p ->
                p.failure instanceof RuntimeException e
                    ? new Outcome(null, e)
                    : new Outcome(p.result(), null))
        .toList();
  }

  private void run(List<Pending> group) {
    if (group.isEmpty()) {
      return;
    }
    if (group.size() == 1) {
      alone(group.get(0));
      return;
    }
    UnitOfWork<?> outer = DefaultUnitOfWork.startAndGet(null);
    try {
      outer.attachTransaction(transactions);
      List<Object> results = new ArrayList<>(group.size());
      for (Pending p : group) {
        results.add(commands.send(p.command));
      }
      outer.commit();
      for (int i = 0; i < group.size(); i++) {
        group.get(i).succeed(results.get(i));
      }
    } catch (RuntimeException | Error failed) {
      try {
        if (outer.isActive()) {
          outer.rollback(failed);
        }
      } catch (RuntimeException rollbackFailed) {
        // A lost connection fails the rollback too (the store rolls back on its own). Every
        // command of the group must still get its own answer, or its caller would wait forever.
        failed.addSuppressed(rollbackFailed);
      }
      group.forEach(this::alone);
    }
  }

  private void alone(Pending pending) {
    try {
      pending.succeed(commands.send(pending.command));
    } catch (RuntimeException | Error failed) {
      pending.fail(failed);
    }
  }

  private static final class Lane {
    final ReentrantLock leader = new ReentrantLock();
    final ConcurrentLinkedQueue<Pending> waiting = new ConcurrentLinkedQueue<>();

    List<Pending> take(int max) {
      List<Pending> group = new ArrayList<>();
      while (group.size() < max) {
        Pending next = waiting.poll();
        if (next == null) {
          break;
        }
        group.add(next);
      }
      return group;
    }

    /** Lets the next waiting caller lead now rather than after its park times out. */
    void wakeNext() {
      Pending next = waiting.peek();
      if (next != null) {
        LockSupport.unpark(next.caller);
      }
    }
  }

  private static final class Pending {
    final Object command;
    final Thread caller;
    volatile boolean done;
    private Object result;
    private Throwable failure;

    Pending(Object command, Thread caller) {
      this.command = command;
      this.caller = caller;
    }

    void succeed(Object value) {
      result = value;
      done = true;
      LockSupport.unpark(caller);
    }

    void fail(Throwable cause) {
      failure = cause;
      done = true;
      LockSupport.unpark(caller);
    }

    @SuppressWarnings("unchecked")
    <R> R result() {
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      return (R) result;
    }
  }
}
