package com.promotracking.audit;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.promotracking.programs.ProgramView;
import com.promotracking.users.CurrentUser;

/**
 * Something to write into a program's history: a change, or a refused attempt with its problem type.
 * {@code changes} maps each field to its value before and after (asked for, when refused).
 */
public record HistoryEvent(ProgramView program, CurrentUser actor, Channel channel, Subject subject,
		Outcome outcome, @Nullable String problemType, @Nullable String comment, Map<String, FieldChange> changes) {

	public static HistoryEvent changed(ProgramView program, CurrentUser actor, Channel channel, Subject subject,
			String comment, Map<String, FieldChange> changes) {
		return new HistoryEvent(program, actor, channel, subject, Outcome.CHANGED, null, comment, changes);
	}

	public static HistoryEvent refused(ProgramView program, CurrentUser actor, Channel channel, Subject subject,
			String problemType, Map<String, FieldChange> changes) {
		return new HistoryEvent(program, actor, channel, subject, Outcome.REFUSED, problemType, null, changes);
	}

}
