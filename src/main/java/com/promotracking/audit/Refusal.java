package com.promotracking.audit;

import java.util.Map;

import com.promotracking.kernel.DomainException;
import com.promotracking.programs.ProgramView;
import com.promotracking.users.CurrentUser;

/**
 * A change a business rule refused, on its way out of the change's transaction: the rule's answer
 * ({@link #reason()}, what the caller gets) and the attempt as the program's history records it. Thrown only
 * inside {@link ChangeTransactions#run}, which records the attempt once the change has rolled back.
 */
public final class Refusal extends RuntimeException {

	private final DomainException reason;

	private final HistoryEvent attempt;

	private Refusal(DomainException reason, HistoryEvent attempt) {
		super(reason.problemType(), reason, false, false);
		this.reason = reason;
		this.attempt = attempt;
	}

	/** {@code changes} maps each field to its value now and the value that was asked for. */
	public static Refusal of(DomainException reason, ProgramView program, CurrentUser actor, Channel channel,
			Subject subject, Map<String, FieldChange> changes) {
		return new Refusal(reason,
				HistoryEvent.refused(program, actor, channel, subject, reason.problemType(), changes));
	}

	public DomainException reason() {
		return this.reason;
	}

	HistoryEvent attempt() {
		return this.attempt;
	}

}
