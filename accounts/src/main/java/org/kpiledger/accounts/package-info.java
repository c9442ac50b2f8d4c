/**
 * Local accounts: who may sign in with a password, their roles and department, the users API, the first
 * administrator, the password rules and the audited record of every change to an account.
 */
package org.kpiledger.accounts;
