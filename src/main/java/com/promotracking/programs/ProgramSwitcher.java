package com.promotracking.programs;

import java.util.List;

/**
 * What the program switcher of every settings page offers: the first {@value #SHOWN} of the user's programs in
 * menu order, and how many there are. A CSM may manage thousands, and every option is rendered on every page; the
 * page offers the console, which searches them all, when some are left out. The page shows the current program
 * even when it is not among those offered.
 */
public record ProgramSwitcher(List<ProgramView> shown, int total) {

	/** The most programs the switcher lists. */
	public static final int SHOWN = 50;

	public static ProgramSwitcher of(List<ProgramView> menu) {
		return new ProgramSwitcher(List.copyOf(menu.subList(0, Math.min(SHOWN, menu.size()))), menu.size());
	}

	/** Whether the program is among those offered. */
	public boolean shows(long programId) {
		return this.shown.stream().anyMatch(program -> program.id() == programId);
	}

	/** Whether some of the user's programs are left out. */
	public boolean more() {
		return this.total > this.shown.size();
	}

}
