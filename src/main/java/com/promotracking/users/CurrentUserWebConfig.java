package com.promotracking.users;

import java.util.List;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets controllers take a {@link CurrentUser} parameter and gives every page a {@code currentUser}. */
@Component
class CurrentUserWebConfig implements WebMvcConfigurer, HandlerMethodArgumentResolver {

	static CurrentUser signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
			return user.currentUser();
		}
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser apiKey) {
			// An API key (security.ApiKeyAuthentication): its identity is the principal itself.
			return apiKey;
		}
		return null;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == CurrentUser.class;
	}

	@Override
	public CurrentUser resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		CurrentUser user = signedIn();
		if (user == null) {
			throw new InsufficientAuthenticationException("Sign in first");
		}
		return user;
	}

	@ControllerAdvice
	static class CurrentUserModel {

		@ModelAttribute("currentUser")
		CurrentUser currentUser() {
			return signedIn();
		}

	}

}
