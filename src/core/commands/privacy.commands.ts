import { defineCommand } from './define-command.ts';
import { exportName } from './export-name.ts';
import { flag } from './options.ts';

/** `/mydata`: a JSON file with everything stored about me in this campaign. */
const mydata = defineCommand({
  name: 'mydata',
  description: {
    en: 'Get a file with everything stored about you',
    fr: 'Recevoir un fichier avec tout ce qui est enregistré sur vous',
  },
  access: 'anyone',
  private: true,
  options: {},
  async run(ctx) {
    const { t, campaign, supporter } = ctx;
    const data = supporter && (await ctx.services.privacy.exportData(campaign, supporter.id));
    if (!data) return ctx.reply(t('privacy.nothing_stored', { campaign: campaign.name }));
    const content = JSON.stringify(data, null, 2);
    return ctx.reply(t('mydata.sent', { campaign: campaign.name }), {
      files: [{ name: exportName(ctx, 'mydata', 'json'), mimeType: 'application/json', content }],
    });
  },
});

/** `/forgetme`: erases my personal data after a confirm button. */
const forgetme = defineCommand({
  name: 'forgetme',
  description: {
    en: 'Erase your personal data (asks for confirmation)',
    fr: 'Effacer vos données personnelles (demande confirmation)',
  },
  access: 'anyone',
  private: true,
  options: {
    confirm: flag({
      description: { en: 'Yes, erase my data', fr: 'Oui, effacer mes données' },
      example: 'on',
    }),
  },
  async run(ctx, { confirm }) {
    const { t, campaign, supporter } = ctx;
    if (!supporter) return ctx.reply(t('privacy.nothing_stored', { campaign: campaign.name }));
    if (confirm !== true) {
      const button = {
        label: t('forgetme.confirm_button'),
        action: { command: 'forgetme', args: { confirm: 'on' } },
        style: 'danger' as const,
      };
      return ctx.reply(t('forgetme.warning', { campaign: campaign.name }), {
        buttons: [[button]],
      });
    }
    await ctx.services.privacy.erase(campaign.id, supporter.id);
    return ctx.reply(
      t('forgetme.done', { campaign: campaign.name, join: ctx.request.words.joinCommand }),
    );
  },
});

export const privacyCommands = [mydata, forgetme];
