package com.promotracking.apikeys;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.promotracking.audit.Channel;
import com.promotracking.kernel.InvalidField;
import com.promotracking.programs.BrandView;
import com.promotracking.programs.ProgramCatalog;
import com.promotracking.programs.ProgramView;
import com.promotracking.users.CurrentUser;
import com.promotracking.web.FormErrors;
import com.promotracking.web.PageController;

/**
 * Settings → General → API keys: a brand's keys, making one (its secret shown once) and revoking one after a
 * confirmation. Keys belong to a brand, not a program: the page is for one brand ({@code brandId}, a CSM's choice;
 * the user's first brand by default), and its settings menu leads to that brand's first program.
 */
@PageController
class ApiKeysController {

	private static final String PAGE = "/settings/api-keys";

	/** The create form's model name, which the template's field errors read. */
	private static final String FORM = "form";

	private final ApiKeyService keys;

	private final ProgramCatalog catalog;

	ApiKeysController(ApiKeyService keys, ProgramCatalog catalog) {
		this.keys = keys;
		this.catalog = catalog;
	}

	@GetMapping(PAGE)
	String list(@RequestParam(required = false) Long brandId, CurrentUser user, Model model) {
		BrandView brand = this.keys.brand(user, brandId);
		model.addAttribute(FORM, NewApiKey.blank(brand.id()));
		return page(brand, user, model);
	}

	/**
	 * Shows the new key in the answer to the post itself instead of redirecting: a redirect would carry it in a
	 * flash attribute, which lives in the session, and sessions are rows of the database. The answer may not be
	 * cached, so going back to it does not show the key again.
	 */
	@PostMapping(PAGE)
	String create(@Valid @ModelAttribute(FORM) NewApiKey form, BindingResult binding, CurrentUser user, Model model,
			HttpServletResponse response) {
		BrandView brand = this.keys.brand(user, form.brandId());
		if (!binding.hasErrors()) {
			try {
				CreatedApiKey created = this.keys.create(user, new NewApiKey(brand.id(), form.name()), Channel.PAGE);
				response.setHeader("Cache-Control", "no-store");
				model.addAttribute("created", created);
				model.addAttribute(FORM, NewApiKey.blank(brand.id()));
				return page(brand, user, model);
			}
			catch (InvalidField invalid) {
				FormErrors.reject(binding, invalid);
			}
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return page(brand, user, model);
	}

	@GetMapping(PAGE + "/{keyId}/revocation")
	String confirmRevocation(@PathVariable long keyId, CurrentUser user, Model model) {
		ApiKeyView key = find(user, keyId);
		BrandView brand = this.keys.brand(user, key.brandId());
		model.addAttribute("key", key);
		brandModel(brand, user, model);
		return "apikeys/revoke";
	}

	@PostMapping(PAGE + "/{keyId}/revocation")
	String revoke(@PathVariable long keyId, CurrentUser user, RedirectAttributes redirect) {
		ApiKeyView key = find(user, keyId);
		try {
			this.keys.revoke(user, keyId, Channel.PAGE);
			redirect.addFlashAttribute("message", "apiKeys.revoked");
			redirect.addFlashAttribute("messageArgument", key.name());
		}
		catch (ApiKeyAlreadyRevoked already) {
			redirect.addFlashAttribute("message", "apiKeys.alreadyRevoked");
		}
		return "redirect:" + PAGE + "?brandId=" + key.brandId();
	}

	/** A key of one of the user's brands, or the 404 page. */
	private ApiKeyView find(CurrentUser user, long keyId) {
		return this.keys.list(user, null)
			.stream()
			.filter(key -> key.id() == keyId)
			.findFirst()
			.orElseThrow(ApiKeyNotFound::new);
	}

	private String page(BrandView brand, CurrentUser user, Model model) {
		brandModel(brand, user, model);
		model.addAttribute("keys", this.keys.list(user, brand.id()));
		return "apikeys/list";
	}

	/**
	 * The brand, the user's other brands to switch to, and the brand's first program, which the settings menu and
	 * a CSM's banner read; a brand without programs has none, and its menu shows this page only.
	 */
	private void brandModel(BrandView brand, CurrentUser user, Model model) {
		List<ProgramView> programs = this.catalog.menuOf(user);
		model.addAttribute("brand", brand);
		model.addAttribute("brands", this.keys.brandsOf(user));
		model.addAttribute("program",
				programs.stream().filter(program -> program.brandId() == brand.id()).findFirst().orElse(null));
	}

}
