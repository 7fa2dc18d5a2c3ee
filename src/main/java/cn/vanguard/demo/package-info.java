/** The demo organisation a system administrator can load into an empty installation on the first sign-in. */
package cn.vanguard.demo;
