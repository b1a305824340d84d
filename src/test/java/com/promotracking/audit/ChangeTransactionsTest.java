package com.promotracking.audit;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.promotracking.kernel.DomainException;
import com.promotracking.programs.ProgramView;
import com.promotracking.users.CurrentUser;
import com.promotracking.users.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

class ChangeTransactionsTest {

	private static final ProgramView PROGRAM = new ProgramView(1, "Acme Outdoor US", 1, "Acme Outdoor");

	private static final CurrentUser ALICE = new CurrentUser(7, "alice@acme.example", "Alice Martin",
			Role.BRAND_ADMIN, java.util.Set.of(1L), null);

	private static final Subject SUBJECT = new Subject(Subject.SubjectType.PROMO_CODE_SETTINGS, 1, "Acme Outdoor US");

	private static final Map<String, FieldChange> ASKED = Map.of("promoCodeTrackingEnabled",
			new FieldChange(false, true));

	private final PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);

	private final History history = mock(History.class);

	private final ChangeTransactions changes = new ChangeTransactions(this.transactions, this.history);

	static final class Refused extends DomainException {

		Refused() {
			super("promo-code-not-validated", HttpStatus.UNPROCESSABLE_CONTENT);
		}

	}

	@Test
	void aChangeRunsInOneTransactionThatCommits() {
		TransactionStatus status = new SimpleTransactionStatus();
		given(this.transactions.getTransaction(any())).willReturn(status);

		assertThat(this.changes.run(() -> "done")).isEqualTo("done");

		verify(this.transactions).commit(status);
		verify(this.transactions, never()).rollback(any());
		verifyNoInteractions(this.history);
	}

	@Test
	void aRefusalRollsTheChangeBackThenRecordsTheAttemptInATransactionOfItsOwnAndThrowsTheReason() {
		TransactionStatus change = new SimpleTransactionStatus();
		TransactionStatus record = new SimpleTransactionStatus();
		given(this.transactions.getTransaction(any())).willReturn(change, record);
		Refused reason = new Refused();

		assertThatThrownBy(() -> this.changes.run(() -> {
			throw Refusal.of(reason, PROGRAM, ALICE, Channel.API, SUBJECT, ASKED);
		})).isSameAs(reason);

		InOrder order = inOrder(this.transactions, this.history);
		order.verify(this.transactions).rollback(change);
		order.verify(this.history)
			.record(HistoryEvent.refused(PROGRAM, ALICE, Channel.API, SUBJECT, "promo-code-not-validated", ASKED));
		order.verify(this.transactions).commit(record);
	}

	@Test
	void anyOtherFailureRollsBackAndRecordsNothing() {
		given(this.transactions.getTransaction(any())).willReturn(new SimpleTransactionStatus());
		Refused plainRefusal = new Refused();

		assertThatThrownBy(() -> this.changes.run(() -> {
			throw plainRefusal;
		})).isSameAs(plainRefusal);

		verify(this.transactions, times(1)).rollback(any());
		verify(this.transactions, never()).commit(any());
		verifyNoInteractions(this.history);
	}

	@Test
	void aChangeInsideAnotherJoinsItsTransactionAndLeavesTheRefusalToTheOuterOne() {
		TransactionSynchronizationManager.setActualTransactionActive(true);
		try {
			Refusal refusal = Refusal.of(new Refused(), PROGRAM, ALICE, Channel.API, SUBJECT, ASKED);

			assertThatThrownBy(() -> this.changes.run(() -> {
				throw refusal;
			})).isSameAs(refusal);

			verifyNoInteractions(this.transactions, this.history);
		}
		finally {
			TransactionSynchronizationManager.setActualTransactionActive(false);
		}
	}

}
