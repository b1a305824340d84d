package com.promotracking.web;

import org.springframework.beans.PropertyAccessException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import com.promotracking.kernel.UnreadableValue;

/**
 * A page's form field whose type refused its text ({@link UnreadableValue}: a date that is no date) gets the
 * type's own reason as its error, the text the API gives for it, rather than a generic "type mismatch"; the
 * text typed stays in the field.
 */
@ControllerAdvice(annotations = PageController.class)
class UnreadableValueErrors extends DefaultBindingErrorProcessor {

	@InitBinder
	void useOnForms(WebDataBinder binder) {
		binder.setBindingErrorProcessor(this);
	}

	@Override
	public void processPropertyAccessException(PropertyAccessException ex, BindingResult bindingResult) {
		UnreadableValue unreadable = UnreadableValue.in(ex);
		if (unreadable == null || ex.getPropertyName() == null) {
			super.processPropertyAccessException(ex, bindingResult);
			return;
		}
		String field = ex.getPropertyName();
		bindingResult.addError(new FieldError(bindingResult.getObjectName(), field, ex.getValue(), true,
				bindingResult.resolveMessageCodes(unreadable.reasonKey(), field), null, null));
	}

}
