package com.promotracking.programs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.promotracking.kernel.PlainSqlRead;
import com.promotracking.programs.CatalogCache.BrandPrograms;
import com.promotracking.users.CurrentUser;

/**
 * The programs a user may act on. This is the one place the access rule lives: a brand admin acts on their
 * own brand's programs, a CSM on the brands assigned to them, a partner and an operator on none. Every feature
 * asks here.
 */
@Service
@Transactional(readOnly = true)
public class ProgramCatalog {

	private final ProgramRepository programs;

	private final CatalogCache names;

	private final JdbcClient jdbc;

	ProgramCatalog(ProgramRepository programs, BrandRepository brands, JdbcClient jdbc) {
		this.programs = programs;
		this.jdbc = jdbc;
		this.names = new CatalogCache(ids -> brands.findViewsByIds(ids.toArray(Long[]::new)), this::readByBrand);
	}

	/** The programs a partner belongs to; none for anyone else. */
	public List<ProgramView> joinedBy(CurrentUser user) {
		if (!user.isPartner() || user.partnerId() == null) {
			return List.of();
		}
		return this.programs.findByPartner(user.partnerId()).stream().map(Program::toView).toList();
	}

	/** The program, if the user is a partner in it; otherwise {@link ProgramNotFound}. */
	@PlainSqlRead
	public ProgramView requireJoined(CurrentUser user, long programId) {
		if (!user.isPartner() || user.partnerId() == null
				|| partnerIn(programId, user.partnerId()).isEmpty()) {
			throw new ProgramNotFound();
		}
		return findView(programId).orElseThrow(ProgramNotFound::new);
	}

	/**
	 * The partners of a program the caller has already checked access to (through {@link #require}), by name. Read
	 * in plain SQL, like {@link #findView} and the partner reads below: every conversion taken and every page of
	 * codes, requests or conversions asks, and Hibernate's loading of entities cost several times the statement.
	 */
	@PlainSqlRead
	public List<PartnerView> partnersOf(ProgramView program) {
		return partnersOf(program.id());
	}

	/** Names of the program's partners by id, for lists that show them. */
	@PlainSqlRead
	public Map<Long, String> partnerNames(long programId) {
		Map<Long, String> names = new HashMap<>();
		partnersOf(programId).forEach(partner -> names.put(partner.id(), partner.name()));
		return names;
	}

	private List<PartnerView> partnersOf(long programId) {
		return this.jdbc.sql("""
				select p.id, p.name from partner p join program_partner pp on pp.partner_id = p.id
				where pp.program_id = ? order by p.name, p.id""")
			.param(programId)
			.query(ProgramCatalog::partnerView)
			.list();
	}

	/** The partner a partner user stands for. */
	@PlainSqlRead
	public Optional<PartnerView> partnerOf(CurrentUser user) {
		if (user.partnerId() == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("select id, name from partner where id = ?")
			.param(user.partnerId())
			.query(ProgramCatalog::partnerView)
			.optional();
	}

	/** The partner, if it belongs to the program; otherwise empty. */
	@PlainSqlRead
	public Optional<PartnerView> partnerIn(long programId, long partnerId) {
		return this.jdbc.sql("""
				select p.id, p.name from partner p join program_partner pp on pp.partner_id = p.id
				where p.id = ? and pp.program_id = ?""")
			.param(partnerId)
			.param(programId)
			.query(ProgramCatalog::partnerView)
			.optional();
	}

	private static PartnerView partnerView(ResultSet row, int number) throws SQLException {
		return new PartnerView(row.getLong(1), row.getString(2));
	}

	/**
	 * The brands the user acts for: a brand admin's own, a CSM's assigned ones, by name (as {@link CatalogCache} holds
	 * them). This and the other lists the cache serves open no transaction of their own: the menus of every page ask
	 * for them, and a transaction would take and give back a connection each time to read nothing.
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public List<BrandView> brandsOf(CurrentUser user) {
		if (user.managedBrandIds().isEmpty()) {
			return List.of();
		}
		return this.names.brands(user.managedBrandIds());
	}

	/**
	 * The programs the user manages, by brand name and then in the order they were made, read now: for the API's
	 * list, the settings' landing and what is recorded for each of a brand's programs. The menus use {@link #menuOf}.
	 */
	public List<ProgramView> visibleTo(CurrentUser user) {
		if (user.managedBrandIds().isEmpty()) {
			return List.of();
		}
		return this.programs.findViewsByBrandIds(user.managedBrandIds().toArray(Long[]::new));
	}

	/**
	 * The programs the user manages, or those of one of their brands, by brand name and program name (a brand's
	 * programs as {@link CatalogCache} holds them); none for a brand they do not manage.
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public List<ProgramView> byName(CurrentUser user, @Nullable Long brandId) {
		return held(user, brandId, BrandPrograms::byName);
	}

	/**
	 * The programs the user manages for the menus of every page (the program switcher): by brand name and then in
	 * the order they were made, as {@link CatalogCache} holds them, so a program the platform adds shows there within
	 * {@link CatalogCache#FRESH_FOR}. What a page shows of a program, and who may open it, is read fresh.
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public List<ProgramView> menuOf(CurrentUser user) {
		return held(user, null, BrandPrograms::inOrderMade);
	}

	private List<ProgramView> held(CurrentUser user, @Nullable Long brandId,
			Function<BrandPrograms, List<ProgramView>> order) {
		List<BrandView> brands = brandsOf(user).stream()
			.filter(brand -> brandId == null || brand.id() == brandId)
			.toList();
		Map<Long, BrandPrograms> programs = this.names.programs(brands.stream().map(BrandView::id).toList());
		List<ProgramView> held = new ArrayList<>();
		brands.forEach(brand -> held.addAll(order.apply(programs.get(brand.id()))));
		return held;
	}

	private Map<Long, List<ProgramView>> readByBrand(Collection<Long> brandIds) {
		return this.programs.findViewsByBrandIdsByName(brandIds.toArray(Long[]::new))
			.stream()
			.collect(Collectors.groupingBy(ProgramView::brandId));
	}

	/**
	 * The program with its brand's name. Plain SQL: every page and API call of a program asks this first, and a query
	 * through the repository costs several times the statement itself.
	 */
	private Optional<ProgramView> findView(long programId) {
		return this.jdbc.sql("""
				select p.id, p.name, b.id, b.name from program p join brand b on b.id = p.brand_id where p.id = ?""")
			.param(programId)
			.query((row, number) -> new ProgramView(row.getLong(1), row.getString(2), row.getLong(3), row.getString(4)))
			.optional();
	}

	/** The program, if the user may act on it; otherwise {@link ProgramNotFound}, as if it did not exist. */
	@PlainSqlRead
	public ProgramView require(CurrentUser user, long programId) {
		return findView(programId)
			.filter(program -> user.manages(program.brandId()))
			.orElseThrow(() -> new ProgramNotFound());
	}

	/**
	 * {@link #require} for several users at once, with one read of the program (conversions of several callers
	 * stored together): the program for each user who may act on it. A user left out is refused as
	 * {@link #require} refuses: {@link ProgramNotFound}.
	 */
	@PlainSqlRead
	public Map<CurrentUser, ProgramView> requireEach(long programId, Collection<CurrentUser> users) {
		Map<CurrentUser, ProgramView> allowed = new HashMap<>();
		findView(programId)
			.ifPresent(program -> users.stream()
				.filter(user -> user.manages(program.brandId()))
				.forEach(user -> allowed.put(user, program)));
		return allowed;
	}

}
