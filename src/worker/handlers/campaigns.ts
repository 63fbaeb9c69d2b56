/**
 * Campaigns: a list saved with its date, customers, comparison group and staged workflow; the messages filled from
 * each customer's history; the outcome measured on later data (METRICS.md "Actions": Campaign outcome).
 * CONTRACT STUB: the signatures are fixed; the bodies are being written.
 */
import type {
  CampaignInfo,
  CampaignMessagePage,
  CampaignOutcomeView,
  CampaignPatch,
  SaveCampaignOptions,
} from '../../shared/actions';
import type { AnalysisRequest } from '../scope';
import type { ActionsRequest } from './actions';

export type SaveCampaignRequest = ActionsRequest & { options: SaveCampaignOptions };
export type CampaignOutcomeRequest = AnalysisRequest & { campaignId: number };
export type CampaignMessagesRequest = AnalysisRequest & {
  campaignId: number;
  locale: 'de' | 'en';
  offset: number;
  limit: number;
};

const todo = (): never => {
  throw new Error('not yet');
};

export const campaignsHandler = {
  async listCampaigns(workspaceId: number): Promise<CampaignInfo[]> {
    return todo() ?? workspaceId;
  },
  /** Takes the list of `options.query` in the request's scope, holds back the comparison share, stores it. */
  async saveCampaign(req: SaveCampaignRequest): Promise<CampaignInfo> {
    return todo() ?? req;
  },
  async updateCampaign(id: number, patch: CampaignPatch): Promise<CampaignInfo> {
    return todo() ?? [id, patch];
  },
  async deleteCampaign(id: number): Promise<true> {
    return todo() ?? id;
  },
  /** The outcome on the request's dataset and as-of date. */
  async campaignOutcome(req: CampaignOutcomeRequest): Promise<CampaignOutcomeView> {
    return todo() ?? req;
  },
  /** One page of the filled messages (every stage) of the campaign's customers. */
  async campaignMessages(req: CampaignMessagesRequest): Promise<CampaignMessagePage> {
    return todo() ?? req;
  },
};
