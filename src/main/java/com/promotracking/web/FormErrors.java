package com.promotracking.web;

import org.springframework.validation.BindingResult;

import com.promotracking.kernel.InvalidField;

/** Puts a domain rule's refusal on the page's form, next to the Bean Validation errors of the same fields. */
public final class FormErrors {

	private FormErrors() {
	}

	/**
	 * On the field the rule names when the form has it, otherwise on the whole form (a rule of another feature
	 * may name a field of its own, such as the partner of the code a request's approval creates).
	 */
	public static void reject(BindingResult binding, InvalidField invalid) {
		if (binding.getFieldType(invalid.field()) != null) {
			binding.rejectValue(invalid.field(), invalid.reasonKey());
		}
		else {
			binding.reject(invalid.reasonKey());
		}
	}

}
