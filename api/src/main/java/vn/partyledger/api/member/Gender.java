package vn.partyledger.api.member;

/** Gender, needed for the age rules of exemption (HD 27/2009 differs by gender). */
public enum Gender { MALE, FEMALE }
