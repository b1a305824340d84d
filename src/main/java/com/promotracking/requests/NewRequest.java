package com.promotracking.requests;

import java.util.List;

/** A partner's request as typed: codes they suggest, when they need it (ISO date, optional), instructions. */
record NewRequest(List<String> suggestedCodes, String dateNeeded, String instructions) {
}
