package com.promotracking.web;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thymeleaf.cache.ExpressionCacheKey;
import org.thymeleaf.cache.ICache;
import org.thymeleaf.spring6.SpringTemplateEngine;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.spel.CompilablePropertyAccessor;
import org.springframework.expression.spel.ast.BeanReference;
import org.springframework.expression.spel.ast.MethodReference;
import org.springframework.expression.spel.ast.PropertyOrFieldReference;
import org.springframework.expression.spel.ast.SpelNodeImpl;
import org.springframework.expression.spel.standard.SpelExpression;

import tools.jackson.databind.json.JsonMapper;

import com.promotracking.support.Http;
import com.promotracking.support.RowsInEveryList;
import com.promotracking.support.Http.Session;

import static com.promotracking.support.Http.ACME_US;
import static com.promotracking.support.Http.ALICE;
import static com.promotracking.support.Http.CAROL;
import static com.promotracking.support.Http.PAT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages' expressions can all be compiled ({@code spring.thymeleaf.enable-spring-el-compiler}): SpEL compiles an
 * expression to bytecode after a hundred runs, but only if each step of it can be, and it gives up silently
 * otherwise. A property of a type that is not public, or a bean named with {@code @}, keeps the whole expression
 * interpreted through reflection on every request, once per row in a list. This renders every page with rows in
 * its lists, then looks at each expression Thymeleaf parsed for what would keep it from compiling. Expressions
 * that use Thymeleaf's {@code #} objects are left out: Thymeleaf never compiles those.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TemplateExpressionsCompileIT {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	SpringTemplateEngine templates;

	Http http;

	long us;

	RowsInEveryList rows;

	@BeforeEach
	void rowsInEveryList() {
		this.http = Http.on(this.port, this.json);
		this.us = this.http.program(ACME_US).id();
		this.rows = RowsInEveryList.add(this.http, this.us, "SPEL");
	}

	@AfterEach
	void demoSettingsAgain() {
		this.rows.remove();
	}

	@Test
	void everyPageReadsItsModelInExpressionsThatCompile() {
		String program = "/programs/" + this.us;
		long eventType = this.http.eventTypeId(ALICE, this.us, "Online Sale");
		long testAction = this.http.newestTestActionId(ALICE, this.us, eventType);
		Session alice = this.http.login(ALICE);
		Session pat = this.http.login(PAT);
		Session carol = this.http.login(CAROL);
		List<String> alicePages = List.of("/", program + "/settings", program + "/settings/ad-settings",
				program + "/event-types", program + "/event-types/" + eventType,
				program + "/test-actions/" + testAction, program + "/promo-codes",
				program + "/promo-code-imports/" + this.rows.importId(), program + "/promo-code-requests",
				program + "/promo-code-requests/" + this.rows.requestId(), program + "/conversions",
				program + "/reports/promo-codes", "/settings/api-keys",
				"/settings/api-keys/" + this.rows.keyId() + "/revocation", "/console", "/no-such-page");
		// Twice: an expression knows how it reads a property only once it has read it.
		for (int round = 0; round < 2; round++) {
			for (String path : alicePages) {
				this.http.get(alice, path);
			}
			this.http.get(pat, "/partner/requests");
			this.http.get(pat, "/partner/programs/" + this.us + "/promo-code-requests/new");
			this.http.get(pat, program + "/conversions");
			this.http.get(carol, "/console");
			this.http.get(this.http.anonymous(), "/login");
		}

		TreeSet<String> read = new TreeSet<>();
		TreeSet<String> interpreted = new TreeSet<>();
		ICache<ExpressionCacheKey, Object> cache = this.templates.getConfiguration()
			.getCacheManager()
			.getExpressionCache();
		Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		List<SpelExpression> expressions = new ArrayList<>();
		for (ExpressionCacheKey key : cache.keySet()) {
			collectSpel(cache.get(key), seen, expressions);
		}
		for (SpelExpression expression : expressions) {
			if (expression.getExpressionString().contains("#")) {
				continue;
			}
			read.add(expression.getExpressionString());
			String step = uncompilableStep((SpelNodeImpl) expression.getAST());
			if (step != null) {
				interpreted.add(expression.getExpressionString() + " (" + step + ")");
			}
		}
		// The rows of the lists were rendered: a list left empty would check nothing of its rows.
		assertThat(read).contains("c.orderId", "c.code", "r.programName", "b.height", "k.name", "a.orderId");
		assertThat(interpreted).isEmpty();
		// Every page's expressions stay cached together, with room to spare: a full cache drops the oldest.
		assertThat(cache.keySet()).hasSizeLessThan(ThymeleafConfig.EXPRESSION_CACHE_SIZE / 2);
	}

	/**
	 * The SpEL expressions in what Thymeleaf cached: some alone, most inside the parsed attribute they belong to
	 * (a {@code ${...}} within a text, a condition, a link), where Thymeleaf keeps them on the parsed expression.
	 */
	private static void collectSpel(Object cached, Set<Object> seen, List<SpelExpression> into) {
		if (cached == null || !seen.add(cached)) {
			return;
		}
		if (cached instanceof SpelExpression spel) {
			into.add(spel);
			return;
		}
		if (cached instanceof Object[] array) {
			for (Object element : array) {
				collectSpel(element, seen, into);
			}
			return;
		}
		if (cached instanceof Iterable<?> elements) {
			for (Object element : elements) {
				collectSpel(element, seen, into);
			}
			return;
		}
		if (!cached.getClass().getName().startsWith("org.thymeleaf.")) {
			return;
		}
		for (Class<?> type = cached.getClass(); type != null; type = type.getSuperclass()) {
			for (Field field : type.getDeclaredFields()) {
				if (!Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
					collectSpel(read(type, field.getName(), cached), seen, into);
				}
			}
		}
	}

	/** The first step of the tree that cannot be compiled however its values come, or null. */
	private static String uncompilableStep(SpelNodeImpl node) {
		if (node instanceof BeanReference) {
			return "a bean: " + node.toStringAST();
		}
		if (node instanceof PropertyOrFieldReference property && read(PropertyOrFieldReference.class,
				"cachedReadAccessor", property) instanceof PropertyAccessor accessor
				&& !(accessor instanceof CompilablePropertyAccessor compilable && compilable.isCompilable())) {
			return "a property read by reflection: " + node.toStringAST();
		}
		if (node instanceof MethodReference method && read(MethodReference.class, "cachedExecutor", method) != null
				&& !method.isCompilable()) {
			return "a method called by reflection: " + node.toStringAST();
		}
		for (int i = 0; i < node.getChildCount(); i++) {
			String step = uncompilableStep((SpelNodeImpl) node.getChild(i));
			if (step != null) {
				return step;
			}
		}
		return null;
	}

	private static Object read(Class<?> type, String field, Object target) {
		try {
			Field f = type.getDeclaredField(field);
			f.setAccessible(true);
			return f.get(target);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
