package com.promotracking.users;

import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who a brand can turn to. */
@Service
public class Contacts {

	private final UserAccountRepository accounts;

	Contacts(UserAccountRepository accounts) {
		this.accounts = accounts;
	}

	/** The CSM assigned to the brand; the first assigned one when several are. */
	@Transactional(readOnly = true)
	public Optional<Contact> csmOf(long brandId) {
		return this.accounts.findCsmContacts(brandId, Limit.of(1)).stream().findFirst();
	}

}
