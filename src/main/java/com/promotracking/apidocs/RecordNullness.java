package com.promotracking.apidocs;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import com.promotracking.kernel.AnyJsonValue;
import com.promotracking.kernel.ApiValues;

/**
 * Which properties of our records are always there and which may be null, from the code itself: in a record
 * the API answers with, every component is present and only a JSpecify {@code @Nullable} one may be null; in a
 * record it reads (one with Bean Validation constraints), the constraints say what is required
 * ({@code @NotNull}, read by swagger-core) and what is not may be left out or null. A nullable property's type
 * gets {@code "null"} (OpenAPI 3.1).
 */
class RecordNullness implements ModelConverter {

	private static final String OURS = "com.promotracking.";

	private static final String REF_PREFIX = "#/components/schemas/";

	@Override
	@SuppressWarnings({ "rawtypes", "unchecked" })
	public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context,
			Iterator<ModelConverter> chain) {
		if (!chain.hasNext()) {
			return null;
		}
		Schema resolved = chain.next().resolve(type, context, chain);
		Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
		if (resolved == null || !raw.isRecord() || !raw.getName().startsWith(OURS)) {
			return resolved;
		}
		Schema model = resolved;
		if (resolved.get$ref() != null && resolved.get$ref().startsWith(REF_PREFIX)) {
			model = context.getDefinedModels().get(resolved.get$ref().substring(REF_PREFIX.length()));
		}
		if (model == null || model.getProperties() == null) {
			return resolved;
		}
		describe(raw, model);
		return resolved;
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void describe(Class<?> record, Schema model) {
		boolean read = isReadByTheApi(record);
		// Left out when null, not written as null: such a property is optional, never null.
		JsonInclude include = record.getAnnotation(JsonInclude.class);
		boolean nullsLeftOut = include != null && include.value() != JsonInclude.Include.ALWAYS
				&& include.value() != JsonInclude.Include.USE_DEFAULTS;
		Map<String, Schema> properties = model.getProperties();
		List<String> required = new ArrayList<>((model.getRequired() != null) ? model.getRequired() : List.of());
		for (RecordComponent component : record.getRecordComponents()) {
			String name = component.getName();
			Schema property = properties.get(name);
			if (property == null) {
				continue;
			}
			if (component.getAccessor().isAnnotationPresent(AnyJsonValue.class)
					|| fieldOf(record, component).isAnnotationPresent(AnyJsonValue.class)) {
				property = new Schema().description(property.getDescription());
				properties.put(name, property);
			}
			constraints(record, component, property);
			enumerated(component, property);
			// A form may leave it null where the API may not: @NotNull of the API's validation group wins.
			boolean nullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class)
					&& !has(component, fieldOf(record, component), NotNull.class);
			if (!read && !nullable && !required.contains(name)) {
				required.add(name);
			}
			if (nullsLeftOut && !read) {
				continue;
			}
			if (nullable || (read && !required.contains(name) && !component.getType().isPrimitive())) {
				properties.put(name, orNull(property));
			}
		}
		model.setRequired(required.isEmpty() ? null : required);
	}

	/**
	 * What swagger-core leaves loose: Bean Validation's {@code @Pattern} matches the whole text where JSON
	 * Schema's {@code pattern} matches anywhere (so it is anchored here, and a list of words becomes an enum);
	 * {@code @NotBlank} and {@code @NotEmpty} need at least one (non-blank) character or item.
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void constraints(Class<?> record, RecordComponent component, Schema property) {
		String pattern = property.getPattern();
		if (pattern != null && !pattern.startsWith("^")) {
			if (pattern.matches("[A-Za-z0-9_-]+(\\|[A-Za-z0-9_-]+)+")) {
				property.setPattern(null);
				property.setEnum(new ArrayList<>(List.of(pattern.split("\\|"))));
			}
			else {
				property.setPattern("^(?:" + pattern + ")$");
			}
		}
		Field field = fieldOf(record, component);
		if (has(component, field, NotBlank.class)) {
			if (property.getMinLength() == null || property.getMinLength() < 1) {
				property.setMinLength(1);
			}
			if (property.getPattern() == null) {
				property.setPattern("\\S");
			}
		}
		if (has(component, field, NotEmpty.class)) {
			if (property.getItems() != null) {
				if (property.getMinItems() == null || property.getMinItems() < 1) {
					property.setMinItems(1);
				}
			}
			else if (property.getMinLength() == null || property.getMinLength() < 1) {
				property.setMinLength(1);
			}
		}
	}

	/** {@link ApiValues} on a text, or on the texts of a list: the enum's values. */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void enumerated(RecordComponent component, Schema property) {
		ApiValues values = component.getAccessor().getAnnotation(ApiValues.class);
		if (values == null) {
			values = component.getAnnotatedType().getAnnotation(ApiValues.class);
		}
		if (values != null) {
			property.setEnum(new ArrayList<>(ApiDocsConfig.valuesOf(values.value())));
			return;
		}
		if (component.getAnnotatedType() instanceof AnnotatedParameterizedType list && property.getItems() != null
				&& list.getAnnotatedActualTypeArguments().length == 1) {
			ApiValues itemValues = list.getAnnotatedActualTypeArguments()[0].getAnnotation(ApiValues.class);
			if (itemValues != null) {
				property.getItems().setEnum(new ArrayList<>(ApiDocsConfig.valuesOf(itemValues.value())));
			}
		}
	}

	private static boolean has(RecordComponent component, Field field, Class<? extends Annotation> annotation) {
		return component.getAccessor().isAnnotationPresent(annotation) || field.isAnnotationPresent(annotation)
				|| component.getAnnotatedType().isAnnotationPresent(annotation);
	}

	private static Field fieldOf(Class<?> record, RecordComponent component) {
		try {
			return record.getDeclaredField(component.getName());
		}
		catch (NoSuchFieldException ex) {
			throw new IllegalStateException("A record component without its field: " + component, ex);
		}
	}

	/** A record with Bean Validation constraints is a request body: the API reads it. */
	private static boolean isReadByTheApi(Class<?> record) {
		for (RecordComponent component : record.getRecordComponents()) {
			if (constrained(component.getAnnotatedType().getAnnotations())
					|| constrained(component.getAccessor().getAnnotations())) {
				return true;
			}
			if (constrained(fieldOf(record, component).getAnnotations())) {
				return true;
			}
		}
		return false;
	}

	private static boolean constrained(Annotation[] annotations) {
		for (Annotation annotation : annotations) {
			String name = annotation.annotationType().getName();
			if (name.startsWith("jakarta.validation.") || annotation.annotationType()
				.isAnnotationPresent(jakarta.validation.Constraint.class)) {
				return true;
			}
		}
		return false;
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema orNull(Schema property) {
		if (property.get$ref() != null) {
			Schema either = new Schema();
			either.setAnyOf(List.of(property, new Schema().type("null")));
			return either;
		}
		Set<String> types = new LinkedHashSet<>();
		if (property.getTypes() != null) {
			types.addAll(property.getTypes());
		}
		else if (property.getType() != null) {
			types.add(property.getType());
		}
		if (types.isEmpty()) {
			return property;
		}
		types.add("null");
		property.setTypes(types);
		if (property.getEnum() != null && !property.getEnum().contains(null)) {
			property.getEnum().add(null);
		}
		return property;
	}

}
