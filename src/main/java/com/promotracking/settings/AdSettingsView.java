package com.promotracking.settings;

import org.jspecify.annotations.Nullable;

import com.promotracking.audit.HistoryRecord;
import com.promotracking.kernel.PageOf;
import com.promotracking.users.Contact;

/**
 * What the Ad settings page shows of the program, read in one transaction: the settings, a page of their history
 * and the brand's CSM ({@code csm} is null when the brand has none).
 */
record AdSettingsView(PromoCodeSettingsState state, PageOf<HistoryRecord> history, @Nullable Contact csm) {
}
