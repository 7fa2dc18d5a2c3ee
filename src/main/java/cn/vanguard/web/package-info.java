/**
 * The web application: Thymeleaf pages with htmx, in Chinese, for desktop and phone. Controllers are thin: every rule,
 * including who may see and change what, lives in the modules they call.
 */
package cn.vanguard.web;
