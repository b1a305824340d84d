package com.promotracking.users;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface UserAccountRepository extends Repository<UserAccount, Long> {

	Optional<UserAccount> findByUsernameIgnoreCase(String username);

	/** The brand's CSMs as contacts, in one query (no account, so no assignment lists, is loaded). */
	@Query("""
			select new com.promotracking.users.Contact(u.displayName, u.username) from UserAccount u
			join u.assignedBrandIds b where u.role = com.promotracking.users.Role.CSM and b = :brandId order by u.id""")
	List<Contact> findCsmContacts(long brandId, Limit limit);

}
