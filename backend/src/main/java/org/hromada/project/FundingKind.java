package org.hromada.project;

/** Whether a funding entry promises (commitment) or pays (disbursement) money. */
enum FundingKind {

	COMMITMENT, DISBURSEMENT

}
