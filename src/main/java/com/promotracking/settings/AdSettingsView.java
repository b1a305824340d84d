package com.promotracking.settings;

import java.util.List;

import com.promotracking.audit.HistoryPage;
import com.promotracking.programs.ProgramView;
import com.promotracking.users.Contact;

/**
 * Everything the Ad settings page shows, read in one transaction: the settings, a page of their history, the
 * programs the user may switch to and the brand's CSM ({@code csm} is null when the brand has none).
 */
record AdSettingsView(PromoCodeSettingsState state, HistoryPage history, List<ProgramView> programs, Contact csm) {
}
