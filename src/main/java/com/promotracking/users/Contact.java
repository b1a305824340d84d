package com.promotracking.users;

/** A person to ask for help, as shown to a brand. */
public record Contact(String name, String email) {
}
