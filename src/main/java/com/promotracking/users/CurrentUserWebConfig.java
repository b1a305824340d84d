package com.promotracking.users;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;

/** Lets controllers take a {@link CurrentUser} parameter and gives every page a {@code currentUser}. */
@Component
class CurrentUserWebConfig implements WebMvcConfigurer, HandlerMethodArgumentResolver {

	static @Nullable CurrentUser signedIn() {
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

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new CurrentUserModel());
	}

	/**
	 * Puts the signed-in user in the model of every page rendered by a controller, as {@code currentUser}. An
	 * interceptor rather than a controller advice's {@code @ModelAttribute} method: the handler adapter makes a
	 * handler method of every applicable advice method anew for each request, JSON calls included, which never have
	 * a page to show it on. Redirects get nothing: their model becomes the address's query.
	 */
	static final class CurrentUserModel implements HandlerInterceptor {

		@Override
		public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
				@Nullable ModelAndView page) {
			if (page == null || page.getView() instanceof RedirectView
					|| (page.getViewName() != null && page.getViewName().startsWith("redirect:"))) {
				return;
			}
			CurrentUser user = signedIn();
			if (user != null) {
				page.addObject("currentUser", user);
			}
		}

	}

}
