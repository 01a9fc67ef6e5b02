import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/interaction/request.ts';
import { consoleAdmin, telegramUser, useCore } from './../support/core-harness.ts';

const h = useCore();

describe('/help', () => {
  it('groups the commands for volunteers, with one example each, and hides organizer ones', async () => {
    const volunteer = await h.volunteer('7001');
    const text = h.text(await h.say(volunteer, '/help'));
    expect(text).toContain('For everyone (volunteers):');
    expect(text).toContain('/task claim 12 - Take a task');
    expect(text).toContain('/event rsvp 12 yes - ');
    expect(text).not.toContain('For organizers:');
    expect(text).not.toContain('/task create');
    expect(text).toContain('/help task create');
  });

  it('shows organizers their own group too', async () => {
    const text = h.text(await h.say(consoleAdmin, '/help'));
    expect(text).toContain('For organizers:');
    expect(text).toContain('/task create title:"Hand out flyers" - Create a task to hand out');
  });

  it('explains /help task create: options, defaults and examples', async () => {
    const text = h.text(await h.say(consoleAdmin, '/help task create'));
    expect(text).toContain('/task create - Create a task to hand out');
    expect(text).toContain('title (required) - Title of the task');
    expect(text).toContain('slots (default: 1) - Volunteers wanted');
    expect(text).toContain('Examples:\n/task create title:"Hand out flyers"\n');
    expect(text).toMatch(/\/task create title:"Hand out flyers" .*slots:3 .*notify:off/);
  });

  it('lists the /task commands a volunteer may use for /help task', async () => {
    const volunteer = await h.volunteer('7002');
    const text = h.text(await h.say(volunteer, '/help task'));
    expect(text).toContain('The /task commands:');
    expect(text).toContain('/task done 12 - ');
    expect(text).not.toContain('/task create');
  });

  it('names /help as Discord lists it, never the French words typed elsewhere', async () => {
    const discordFrench: Actor = { platform: 'discord', userId: '7010', platformLocale: 'fr' };
    const text = h.text(await h.say(discordFrench, '/help'));
    expect(text).toContain(
      'Options, valeurs par défaut et exemples d’une commande : /help command:task create',
    );
    expect(text).not.toContain('/aide');
    expect(h.text(await h.say(discordFrench, '/help rien'))).toBe(
      'Il n’y a pas de commande « rien ». Tapez /help pour voir les commandes disponibles.',
    );
  });

  it('answers in French with French examples and option values', async () => {
    const french = { ...telegramUser('7003'), platformLocale: 'fr' };
    const text = h.text(await h.say(french, '/aide tâche créer'));
    expect(text).toContain('/task create - Créer une tâche à distribuer');
    expect(text).toContain('slots (par défaut : 1)');
    expect(text).toContain('title:"Distribuer des tracts"');
    expect(text).toContain('notify:désactivé');
    expect(h.text(await h.say(french, '/aide rien'))).toBe(
      'Il n’y a pas de commande « rien ». Tapez /aide pour voir les commandes disponibles.',
    );
  });
});

describe('me', () => {
  it('names the person typing in a user option', async () => {
    await h.say(consoleAdmin, '/join agree:on');
    await h.say(consoleAdmin, '/task create title:"Paint banners" notify:off');
    const reply = h.text(await h.say(consoleAdmin, '/task assign 1 me'));
    expect(reply).toContain('Task #1 now goes to');
    expect(h.text(await h.say(consoleAdmin, '/mytasks'))).toContain('Paint banners');
  });

  it('means the organizer typing on Telegram too, in French as moi', async () => {
    await h.say(consoleAdmin, '/organizer add 7001');
    const organizer = { ...telegramUser('7001'), platformLocale: 'fr' };
    expect(h.text(await h.say(organizer, '/etiquette ajouter moi porte-a-porte'))).toContain(
      'l’étiquette porte-a-porte',
    );
    expect(h.text(await h.say(organizer, '/profil'))).toContain('porte-a-porte');
  });
});

describe('French words', () => {
  it('takes French answer words for choices and on/off options', async () => {
    const french = { ...telegramUser('7004'), platformLocale: 'fr' };
    await h.say(french, '/rejoindre');
    await h.say(french, '/rejoindre agree:oui');
    expect(h.text(await h.say(french, '/profil régler reminders:désactivé'))).toContain(
      'Votre profil est à jour.',
    );
    expect(h.text(await h.say(french, '/profil'))).toContain('Rappels : désactivés');
    expect(h.text(await h.say(french, '/profil'))).toContain('Heures calmes : aucune');
  });

  it('shows option errors with French values', async () => {
    const french = { ...telegramUser('7005'), platformLocale: 'fr' };
    await h.volunteer('7005');
    expect(h.text(await h.say(french, '/profile set reminders:peut-être'))).toBe(
      'reminders doit valoir activé ou désactivé (ou oui, non). Par exemple : reminders:activé',
    );
  });

  it('answers /annuler in French, saying when no question was waiting', async () => {
    const french = { ...telegramUser('7006'), platformLocale: 'fr' };
    await h.say(consoleAdmin, '/organizer add 7004');
    expect(h.text(await h.say(french, '/annuler'))).toBe(
      'Il n’y a rien à annuler : aucune question n’attend votre réponse.',
    );
  });
});
