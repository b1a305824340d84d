package com.promotracking.programs;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

import com.promotracking.users.CurrentUser;
import com.promotracking.users.Role;
import com.promotracking.web.PageController;

/**
 * Gives every page the programs the user may switch to ({@code programs}, all of them, and {@code switcher}, what
 * the program switcher offers: {@link ProgramSwitcher}) and, for a CSM, the brands they may act for
 * ({@code csmBrands}). Pages only: JSON controllers are not {@link PageController}s, so this never
 * runs for them. Both lists are asked for when the page's template first uses them (and come from CatalogCache),
 * so a handler that answers with a redirect, or a page that shows no switcher, does not ask at all.
 */
@ControllerAdvice(annotations = PageController.class)
class SwitcherModel {

	private final ProgramCatalog catalog;

	SwitcherModel(ProgramCatalog catalog) {
		this.catalog = catalog;
	}

	@ModelAttribute
	void switchers(CurrentUser user, Model model) {
		model.addAttribute("programs", lazily(() -> this.catalog.menuOf(user)));
		model.addAttribute("switcher", new Lazy<>(() -> ProgramSwitcher.of(this.catalog.menuOf(user))));
		if (user.role() == Role.CSM) {
			model.addAttribute("csmBrands", lazily(() -> this.catalog.brandsOf(user)));
		}
	}

	private static <T> Lazy<List<T>> lazily(Supplier<List<T>> read) {
		return new Lazy<>(read);
	}

	/** A value the template reads on first use, at most once. */
	static final class Lazy<T> extends LazyContextVariable<T> {

		private final Supplier<T> read;

		Lazy(Supplier<T> read) {
			this.read = read;
		}

		@Override
		protected T loadValue() {
			return this.read.get();
		}

	}

}
