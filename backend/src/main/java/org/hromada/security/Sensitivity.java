package org.hromada.security;

/** How sensitive a field is; mirrors the schema enum Sensitivity. */
public enum Sensitivity {

	CONFIDENTIAL, RESTRICTED, PERSONAL

}
