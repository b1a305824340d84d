package com.promotracking.audit;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How every feature changes a program's data, so that a refused attempt is in the history as surely as a change:
 * the change runs in a transaction; a {@link Refusal} thrown inside rolls all of it back, then its attempt is
 * recorded in a transaction of its own and the refusal's reason is thrown to the caller. A change made inside
 * another (approving a partner's request creates a code) joins that one's transaction, and its refusal is recorded
 * once, where the outer change ends. Nothing half-done is ever committed with a refusal's entry.
 */
@Component
public class ChangeTransactions {

	private final TransactionOperations transactions;

	private final History history;

	public ChangeTransactions(PlatformTransactionManager transactions, History history) {
		this.transactions = new TransactionTemplate(transactions);
		this.history = history;
	}

	public <T> T run(Supplier<T> change) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return change.get();
		}
		try {
			return this.transactions.execute(status -> change.get());
		}
		catch (Refusal refusal) {
			this.transactions.executeWithoutResult(status -> this.history.record(refusal.attempt()));
			throw refusal.reason();
		}
	}

	public void run(Runnable change) {
		run(() -> {
			change.run();
			return null;
		});
	}

}
