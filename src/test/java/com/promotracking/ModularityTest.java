package com.promotracking;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import com.promotracking.programs.ProgramView;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Feature packages talk only through each other's public top-level types, use only the modules their
 * {@code package-info.java} allows, and never form a cycle; nothing outside {@code programs} makes up a program
 * the caller was not given.
 */
class ModularityTest {

	private static final JavaClasses MAIN = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
		.importPackages("com.promotracking");

	@Test
	void featureModulesRespectTheirBoundaries() {
		ApplicationModules.of(PromoCodeTrackingApplication.class).verify();
	}

	/** A {@link ProgramView} is what the access rule hands out; made up elsewhere, it would pass for access. */
	@Test
	void onlyTheAccessRuleMakesProgramViews() {
		noClasses().that()
			.resideOutsideOfPackage("com.promotracking.programs..")
			.should()
			.callConstructor(ProgramView.class, long.class, String.class, long.class, String.class)
			.check(MAIN);
	}

}
