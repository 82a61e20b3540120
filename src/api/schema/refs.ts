import type * as R from '../../read-model/records.js'
import { builder } from '../builder.js'

/**
 * The object types, declared here and implemented in their own files, so the
 * files can refer to each other without import cycles. The shapes are the
 * shared read model's records.
 */
export const AgreementRef = builder.objectRef<R.AgreementRecord>('Agreement')
export const PartyRef = builder.objectRef<R.PartyRecord>('Party')
export const PersonRef = builder.objectRef<R.PersonRecord>('Person')
export const SectionRef = builder.objectRef<R.SectionRecord>('Section')
export const ThemeRef = builder.objectRef<R.ThemeRecord>('Theme')
export const TopicRef = builder.objectRef<R.TopicRecord>('Topic')
export const ActionRef = builder.objectRef<R.ActionRecord>('Action')
export const TargetRef = builder.objectRef<R.TargetRecord>('Target')
export const BudgetCategoryRef = builder.objectRef<R.BudgetCategoryRecord>('BudgetCategory')
export const BudgetLineRef = builder.objectRef<R.BudgetLineRecord>('BudgetLine')
export const BudgetAmountRef = builder.objectRef<R.BudgetAmountRecord>('BudgetAmount')
export const BudgetYearTotalRef = builder.objectRef<R.BudgetTotalRecord>('BudgetYearTotal')
export const RuleRef = builder.objectRef<R.RuleRecord>('Rule')
export const PortfolioRef = builder.objectRef<R.PortfolioRecord>('Portfolio')
export const ResponsibilityRef = builder.objectRef<R.ResponsibilityRecord>('Responsibility')
export const DistrictRef = builder.objectRef<R.DistrictRecord>('District')

/** A quoted text and where it stands in the source. */
export interface SourceShape {
  startLine: number
  endLine: number
  text: string
  agreementId: number
}
export const SourceRef = builder.objectRef<SourceShape>('Source')
