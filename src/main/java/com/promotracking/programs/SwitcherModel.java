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
 * Gives every page the programs the user may switch to ({@code programs}) and, for a CSM, the brands they may
 * act for ({@code csmBrands}). Pages only: JSON controllers are not {@link PageController}s, so this never
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
		if (user.role() == Role.CSM) {
			model.addAttribute("csmBrands", lazily(() -> this.catalog.brandsOf(user)));
		}
	}

	private static <T> Lazy<T> lazily(Supplier<List<T>> read) {
		return new Lazy<>(read);
	}

	/** A list the template reads on first use, at most once. */
	static final class Lazy<T> extends LazyContextVariable<List<T>> {

		private final Supplier<List<T>> read;

		Lazy(Supplier<List<T>> read) {
			this.read = read;
		}

		@Override
		protected List<T> loadValue() {
			return this.read.get();
		}

	}

}
