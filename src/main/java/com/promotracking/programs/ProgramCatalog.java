package com.promotracking.programs;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.promotracking.users.CurrentUser;

/**
 * The programs a user may act on. This is the one place the access rule lives: a brand admin acts on their
 * own brand's programs, a CSM on the brands assigned to them, a partner on none. Every feature asks here.
 */
@Service
@Transactional(readOnly = true)
public class ProgramCatalog {

	private final ProgramRepository programs;

	private final BrandRepository brands;

	ProgramCatalog(ProgramRepository programs, BrandRepository brands) {
		this.programs = programs;
		this.brands = brands;
	}

	/** The brands the user acts for: a brand admin's own, a CSM's assigned ones, by name. */
	public List<BrandView> brandsOf(CurrentUser user) {
		if (user.managedBrandIds().isEmpty()) {
			return List.of();
		}
		return this.brands.findByIdInOrderByName(user.managedBrandIds())
			.stream()
			.map(brand -> new BrandView(brand.id(), brand.name()))
			.toList();
	}

	public List<ProgramView> visibleTo(CurrentUser user) {
		if (user.managedBrandIds().isEmpty()) {
			return List.of();
		}
		return this.programs.findByBrandIds(user.managedBrandIds()).stream().map(Program::toView).toList();
	}

	/** The program, if the user may act on it; otherwise {@link ProgramNotFound}, as if it did not exist. */
	public ProgramView require(CurrentUser user, long programId) {
		return this.programs.findWithBrand(programId)
			.map(Program::toView)
			.filter(program -> user.manages(program.brandId()))
			.orElseThrow(() -> new ProgramNotFound());
	}

}
