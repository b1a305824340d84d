package com.promotracking.programs;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.promotracking.users.CurrentUser;

@RestController
class ProgramApiController {

	private final ProgramCatalog catalog;

	ProgramApiController(ProgramCatalog catalog) {
		this.catalog = catalog;
	}

	/** The programs the caller may see: those they manage, or, for a partner, those they belong to. */
	@GetMapping("/api/programs")
	List<ProgramView> programs(CurrentUser user) {
		return user.isPartner() ? this.catalog.joinedBy(user) : this.catalog.visibleTo(user);
	}

	@GetMapping("/api/programs/{programId}/partners")
	List<PartnerView> partners(@PathVariable long programId, CurrentUser user) {
		return this.catalog.partnersOf(this.catalog.require(user, programId));
	}

}
