package com.promotracking.programs;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.promotracking.users.CurrentUser;

@RestController
class ProgramApiController {

	private final ProgramCatalog catalog;

	ProgramApiController(ProgramCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/api/programs")
	List<ProgramView> programs(CurrentUser user) {
		return this.catalog.visibleTo(user);
	}

}
