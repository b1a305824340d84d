package com.promotracking.programs;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.promotracking.users.CurrentUser;
import com.promotracking.users.Role;

/**
 * Gives every rendered page of a CSM the brands they may act for, for the brand switcher in the top bar.
 * An interceptor rather than a model attribute so that JSON calls, which render no page, never pay for it.
 */
@Component
class CsmBrandSwitcher implements WebMvcConfigurer, HandlerInterceptor {

	private final ProgramCatalog catalog;

	CsmBrandSwitcher(ProgramCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (page == null || (page.getViewName() != null && page.getViewName().startsWith("redirect:"))) {
			return;
		}
		if (page.getModel().get("currentUser") instanceof CurrentUser user && user.role() == Role.CSM) {
			page.addObject("csmBrands", this.catalog.brandsOf(user));
		}
	}

}
