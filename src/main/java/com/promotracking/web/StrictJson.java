package com.promotracking.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import com.promotracking.kernel.SupportedDates;
import com.promotracking.kernel.UnreadableValue;

/**
 * JSON values are read in their own type only, one spelling each. {@code allow-coercion-of-scalars=false} keeps
 * strings out of numbers and booleans, but Jackson still turns a number or a boolean into text
 * ({@code {"name": false}} named an event type "false") and cuts a fraction off an integer ({@code 1.9} read as
 * partner 1): both are refused here, and a wrong type is the client's 400. Dates and date-times are read within
 * {@link SupportedDates}, and one beyond is refused naming its field; text holds no NUL character.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

	@Bean
	JsonMapperBuilderCustomizer strictScalars() {
		return builder -> builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.addModule(new SimpleModule("checked-values").setDeserializerModifier(new CheckedValues()))
			.withCoercionConfig(LogicalType.Textual, config -> config
				.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Integer, config -> config
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Float, config -> config
				.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Boolean, config -> config
				.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.String, CoercionAction.Fail));
	}

	/**
	 * Wraps the deserializers of dates and date-times so that what they read is checked against the range, and of
	 * text so that it holds no NUL character ({@code \u0000} in JSON): PostgreSQL's text cannot hold one, so it
	 * failed there as a server error where H2 stored it; refused on both, naming the field.
	 */
	static final class CheckedValues extends ValueDeserializerModifier {

		private static final Set<Class<?>> DATES = Set.of(Instant.class, LocalDate.class, LocalDateTime.class,
				OffsetDateTime.class, ZonedDateTime.class);

		@Override
		public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier bean,
				ValueDeserializer<?> deserializer) {
			if (bean.getBeanClass() == String.class) {
				return new Checked(deserializer, StrictJson::nulFree);
			}
			return DATES.contains(bean.getBeanClass()) ? new Checked(deserializer, SupportedDates::checked)
					: deserializer;
		}

	}

	static final String NUL_REASON = "validation.nulCharacter";

	private static Object nulFree(Object value) {
		if (value instanceof String text && text.indexOf('\u0000') >= 0) {
			throw new UnreadableValue(NUL_REASON);
		}
		return value;
	}

	/** A deserializer whose value passes a check, which throws {@link UnreadableValue} to refuse it. */
	private static final class Checked extends DelegatingDeserializer {

		private final UnaryOperator<Object> check;

		Checked(ValueDeserializer<?> delegate, UnaryOperator<Object> check) {
			super(delegate);
			this.check = check;
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new Checked(delegate, this.check);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) {
			return this.check.apply(super.deserialize(parser, context));
		}

	}

}
